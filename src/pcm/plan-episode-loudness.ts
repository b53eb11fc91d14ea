import { computeGatedLoudness } from './compute-gated-loudness.js';
import { createKWeightingFilter } from './k-weighting-filter.js';
import { findTruePeak } from './find-true-peak.js';

/** What podcast apps expect (Apple, Spotify): -16 LUFS integrated, true peak at most -1 dBTP; -2.5 here leaves room for the 64 kbit/s MP3's overshoot. */
export const PODCAST_LOUDNESS = { integratedLufs: -16, truePeakDbtp: -2.5 } as const;

export interface LoudnessPlan {
  /** Each piece's own gain, in the order read, so every chunk speaks at the same loudness. */
  pieceGains: number[];
  /** The gain of the episode's sample at `index` on top of its piece's: the loudness gain, lowered around peaks. */
  gainAt(index: number): number;
  /** The episode's loudness and true peak as planned (undefined: silence). */
  integratedLufs: number | undefined;
  truePeakDbtp: number;
}

/**
 * First of two passes over the episode (the second is applyLoudnessPlan): measures each piece's loudness and,
 * per 10 ms, the K-weighted energy and the true peak (BS.1770), then finds the one gain that makes the episode
 * `integratedLufs` loud with a limiter that keeps every true peak under `truePeakDbtp`. Memory: three numbers per 10 ms.
 */
export async function planEpisodeLoudness(pieces: AsyncIterable<Int16Array>, sampleRate: number, target: { integratedLufs: number; truePeakDbtp: number } = PODCAST_LOUDNESS): Promise<LoudnessPlan> {
  const blockSamples = Math.round(sampleRate / BLOCKS_PER_SECOND);
  const { pieceGains, energies, peaks } = await measureBlocks(pieces, sampleRate, blockSamples);
  const ceiling = 10 ** (target.truePeakDbtp / 20);
  const envelope = new Float64Array(peaks.length);
  const loudnessAt = (gainDb: number) => measureWithLimiter(energies, peaks, 10 ** (gainDb / 20), ceiling, blockSamples, envelope);
  // Loudness grows with the gain (the limiter takes off peaks, never more): bisection finds the gain. Its ceiling keeps
  // the limiter from taking more than MAX_LIMITING_DB off any peak and from raising a near-silent recording's noise.
  const loudestPeakDb = 20 * Math.log10(peaks.reduce((loudest, peak) => Math.max(loudest, peak), 1e-12));
  let low = MIN_GAIN_DB;
  let high = Math.min(MAX_GAIN_DB, target.truePeakDbtp + MAX_LIMITING_DB - loudestPeakDb);
  const loudest = loudnessAt(high);
  if (loudest === undefined) return { pieceGains, gainAt: () => 1, integratedLufs: undefined, truePeakDbtp: -Infinity };
  if (loudest < target.integratedLufs) low = high;
  for (let step = 0; step < 40; step++) {
    const middle = (low + high) / 2;
    if ((loudnessAt(middle) ?? -Infinity) < target.integratedLufs) low = middle;
    else high = middle;
  }
  const gain = 10 ** (low / 20);
  const lufs = loudnessAt(low);
  let peak = 0;
  for (let block = 0; block < peaks.length; block++) peak = Math.max(peak, peaks[block]! * gain * envelope[block]!);
  return {
    pieceGains,
    integratedLufs: lufs,
    truePeakDbtp: 20 * Math.log10(peak),
    gainAt(index) {
      // Between block centres the gain moves linearly, so it never steps; it is at most each block's own.
      const position = (index - blockSamples / 2) / blockSamples;
      const block = Math.min(Math.max(Math.floor(position), 0), envelope.length - 1);
      const next = Math.min(block + 1, envelope.length - 1);
      const fraction = Math.min(Math.max(position - block, 0), 1);
      return gain * (envelope[block]! * (1 - fraction) + envelope[next]! * fraction);
    },
  };
}

// --- internal ---

const BLOCKS_PER_SECOND = 100;
// BS.1770's gating block is 400 ms, taken every 100 ms.
const GATE_BLOCKS = 40;
const GATE_HOP = 10;
const MIN_GAIN_DB = -40;
const MAX_GAIN_DB = 24;
const MAX_LIMITING_DB = 12;
// Every piece is brought to this loudness before the episode's gain; at most 12 dB either way, so near-silence is not blown up.
const PIECE_LUFS = -20;
const MAX_PIECE_GAIN_DB = 12;
// The limiter's gain falls at most 3 dB and rises at most 2 dB per 10 ms: smooth on speech, quick enough to leave the syllables around a peak alone.
const ATTACK_STEP = 10 ** (3 / 20);
const RELEASE_STEP = 10 ** (2 / 20);

async function measureBlocks(pieces: AsyncIterable<Int16Array>, sampleRate: number, blockSamples: number) {
  const filter = createKWeightingFilter(sampleRate);
  const pieceGains: number[] = [];
  const energies: number[] = [];
  const peaks: number[] = [];
  // Blocks run on across pieces: `position` is the episode's sample index.
  let position = 0;
  for await (const samples of pieces) {
    const scaled = new Float64Array(samples.length);
    for (let index = 0; index < samples.length; index++) scaled[index] = samples[index]! / 32768;
    const gain = levelPiece(scaled, sampleRate);
    pieceGains.push(gain);
    if (gain !== 1) for (let index = 0; index < scaled.length; index++) scaled[index] = scaled[index]! * gain;
    for (let start = 0; start < scaled.length; ) {
      const block = Math.floor((position + start) / blockSamples);
      const end = Math.min(scaled.length, (block + 1) * blockSamples - position);
      const energy = filter.weighEnergy(scaled, start, end);
      const peak = findTruePeak(scaled, start, end);
      if (block === energies.length) {
        energies.push(energy);
        peaks.push(peak);
      } else {
        energies[block] = energies[block]! + energy;
        peaks[block] = Math.max(peaks[block]!, peak);
      }
      start = end;
    }
    position += scaled.length;
  }
  return { pieceGains, energies, peaks };
}

// The gain that brings one piece to PIECE_LUFS; 1 for silence.
function levelPiece(scaled: Float64Array, sampleRate: number): number {
  const filter = createKWeightingFilter(sampleRate);
  const hop = Math.round(sampleRate / 10);
  const hopEnergies: number[] = [];
  for (let start = 0; start < scaled.length; start += hop) hopEnergies.push(filter.weighEnergy(scaled, start, Math.min(start + hop, scaled.length)));
  const blocks: number[] = [];
  const span = Math.min(4, hopEnergies.length);
  for (let start = 0; start + span <= hopEnergies.length; start++) {
    let sum = 0;
    for (let offset = 0; offset < span; offset++) sum += hopEnergies[start + offset]!;
    blocks.push(sum / Math.min(scaled.length, span * hop));
  }
  const loudness = computeGatedLoudness(blocks);
  if (loudness === undefined) return 1;
  const gainDb = Math.min(Math.max(PIECE_LUFS - loudness, -MAX_PIECE_GAIN_DB), MAX_PIECE_GAIN_DB);
  return 10 ** (gainDb / 20);
}

// The episode's loudness at `gain` once the limiter has kept every block's true peak under `ceiling`; the limiter's
// gains are written into `envelope`, reused from one try of the bisection to the next.
function measureWithLimiter(energies: readonly number[], peaks: readonly number[], gain: number, ceiling: number, blockSamples: number, envelope: Float64Array): number | undefined {
  fillLimiterEnvelope(envelope, peaks, gain, ceiling);
  const span = Math.min(GATE_BLOCKS, energies.length);
  const gates: number[] = [];
  for (let start = 0; start + span <= energies.length; start += span === GATE_BLOCKS ? GATE_HOP : span) {
    let sum = 0;
    for (let block = start; block < start + span; block++) sum += energies[block]! * (gain * envelope[block]!) ** 2;
    gates.push(sum / (span * blockSamples));
  }
  return computeGatedLoudness(gates);
}

// In linear gains: each block's need, then at most its neighbours' (the interpolated gain between two centres then
// never exceeds a block's need), falling and rising no faster than ATTACK_STEP and RELEASE_STEP per block.
function fillLimiterEnvelope(envelope: Float64Array, peaks: readonly number[], gain: number, ceiling: number): void {
  const count = peaks.length;
  const need = (block: number) => (block < 0 || block >= count ? 1 : Math.min(1, ceiling / Math.max(peaks[block]! * gain, 1e-12)));
  let previous = 1;
  let current = need(0);
  for (let block = 0; block < count; block++) {
    const next = need(block + 1);
    envelope[block] = Math.min(previous, current, next);
    previous = current;
    current = next;
  }
  for (let block = count - 2; block >= 0; block--) envelope[block] = Math.min(envelope[block]!, envelope[block + 1]! * ATTACK_STEP);
  for (let block = 1; block < count; block++) envelope[block] = Math.min(envelope[block]!, envelope[block - 1]! * RELEASE_STEP);
}
