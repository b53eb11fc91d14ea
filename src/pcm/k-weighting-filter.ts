/** The K-weighting filter's running state: `weighEnergy` filters samples and returns the sum of their squares. */
export interface KWeightingFilter {
  /** Feeds `samples[start, end)` (full scale 1) through the filter, in order, and returns the energy of what comes out. */
  weighEnergy(samples: ArrayLike<number>, start: number, end: number): number;
}

/**
 * ITU-R BS.1770's K-weighting (a high shelf, then a high-pass) at any sample rate: the ear's weighting that
 * loudness is measured through. Coefficients from the analog prototype, as libebur128 derives them.
 */
export function createKWeightingFilter(sampleRate: number): KWeightingFilter {
  const [s0, s1, s2, sa1, sa2] = designShelf(sampleRate);
  const [ha1, ha2] = designHighPass(sampleRate);
  // Direct form II transposed, two numbers of state per stage.
  let shelf1 = 0;
  let shelf2 = 0;
  let pass1 = 0;
  let pass2 = 0;
  return {
    weighEnergy(samples, start, end) {
      let energy = 0;
      for (let index = start; index < end; index++) {
        const sample = samples[index]!;
        const shelved = s0 * sample + shelf1;
        shelf1 = s1 * sample - sa1 * shelved + shelf2;
        shelf2 = s2 * sample - sa2 * shelved;
        const weighted = shelved + pass1;
        pass1 = -2 * shelved - ha1 * weighted + pass2;
        pass2 = shelved - ha2 * weighted;
        energy += weighted * weighted;
      }
      return energy;
    },
  };
}

// --- internal ---

// b0, b1, b2, a1, a2 of the high shelf (+4 dB above about 1.7 kHz).
function designShelf(sampleRate: number): [number, number, number, number, number] {
  const frequency = 1681.974450955533;
  const gainDb = 3.999843853973347;
  const quality = 0.7071752369554196;
  const k = Math.tan((Math.PI * frequency) / sampleRate);
  const vh = 10 ** (gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  const a0 = 1 + k / quality + k * k;
  return [(vh + (vb * k) / quality + k * k) / a0, (2 * (k * k - vh)) / a0, (vh - (vb * k) / quality + k * k) / a0, (2 * (k * k - 1)) / a0, (1 - k / quality + k * k) / a0];
}

// a1, a2 of the high-pass (about 38 Hz); its numerator is 1, -2, 1.
function designHighPass(sampleRate: number): [number, number] {
  const frequency = 38.13547087602444;
  const quality = 0.5003270373238773;
  const k = Math.tan((Math.PI * frequency) / sampleRate);
  const a0 = 1 + k / quality + k * k;
  return [(2 * (k * k - 1)) / a0, (1 - k / quality + k * k) / a0];
}
