/** About -20 dBFS RMS: speech at a level podcast apps expect, with room for peaks. */
const TARGET_RMS = 0.1 * 32767;
const PEAK_LIMIT = 0.95 * 32767;

/**
 * Scales one chunk to the same RMS level as every other, so a voice doesn't jump in loudness
 * between chunks synthesized separately; the gain is capped so no peak clips.
 */
export function normalizeLoudness(samples: Int16Array): Int16Array {
  let sumOfSquares = 0;
  let peak = 0;
  for (const sample of samples) {
    sumOfSquares += sample * sample;
    peak = Math.max(peak, Math.abs(sample));
  }
  if (peak === 0) return samples;
  const rms = Math.sqrt(sumOfSquares / samples.length);
  const gain = Math.min(TARGET_RMS / rms, PEAK_LIMIT / peak);
  const scaled = new Int16Array(samples.length);
  for (let index = 0; index < samples.length; index++) scaled[index] = Math.round(samples[index]! * gain);
  return scaled;
}

/** The RMS level of samples in dBFS, for tests and the benchmark. */
export function measureRmsDbfs(samples: Int16Array): number {
  let sumOfSquares = 0;
  for (const sample of samples) sumOfSquares += sample * sample;
  return 20 * Math.log10(Math.sqrt(sumOfSquares / Math.max(1, samples.length)) / 32767);
}
