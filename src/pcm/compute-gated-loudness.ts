// BS.1770: loudness of a mean square of K-weighted samples, in LUFS.
const OFFSET = -0.691;
const ABSOLUTE_GATE_LUFS = -70;
const RELATIVE_GATE_LU = -10;

/**
 * BS.1770-4's integrated loudness from its gating blocks (400 ms, 75 % overlap), each given as the mean square
 * of its K-weighted samples: the blocks above -70 LUFS, then those within 10 LU of their mean. Undefined when
 * no block is above -70 LUFS (silence, or too short to have a block).
 */
export function computeGatedLoudness(blockMeanSquares: ArrayLike<number>): number | undefined {
  const absoluteGate = fromLufs(ABSOLUTE_GATE_LUFS);
  const relativeGate = meanAbove(blockMeanSquares, absoluteGate);
  if (relativeGate === undefined) return undefined;
  const gated = meanAbove(blockMeanSquares, Math.max(absoluteGate, relativeGate * 10 ** (RELATIVE_GATE_LU / 10)));
  return gated === undefined ? undefined : toLufs(gated);
}

// --- internal ---

// Loudness in LUFS of one mean square of K-weighted samples (-Infinity for silence).
function toLufs(meanSquare: number): number {
  return OFFSET + 10 * Math.log10(meanSquare);
}

function fromLufs(lufs: number): number {
  return 10 ** ((lufs - OFFSET) / 10);
}

function meanAbove(values: ArrayLike<number>, threshold: number): number | undefined {
  let sum = 0;
  let count = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    if (value > threshold) {
      sum += value;
      count += 1;
    }
  }
  return count === 0 ? undefined : sum / count;
}
