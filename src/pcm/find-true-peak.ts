// Four times the rate, as BS.1770 asks below 96 kHz, from the 12 samples around each point.
const OVERSAMPLING = 4;
const HALF_TAPS = 6;
const FRACTIONS = buildFractionFilters();
// Between samples the signal rises at most 3 dB above them in practice: only stretches next to samples this close to the loudest are looked into.
const CANDIDATE_SHARE = 0.7;

/**
 * BS.1770's true peak of `samples[start, end)` (full scale 1; zero outside the array): the loudest sample, or the
 * signal between samples where it rises above it, found by 4× interpolation around the loudest samples only.
 */
export function findTruePeak(samples: Float64Array, start: number, end: number): number {
  let peak = 0;
  for (let index = start; index < end; index++) peak = Math.max(peak, Math.abs(samples[index]!));
  const threshold = peak * CANDIDATE_SHARE;
  let truePeak = peak;
  // Each stretch between two samples is looked into once, when either end is among the loudest.
  for (let origin = start - 1; origin < end; origin++) {
    if (Math.abs(samples[origin] ?? 0) < threshold && Math.abs(samples[origin + 1] ?? 0) < threshold) continue;
    const first = origin - HALF_TAPS + 1;
    for (let fraction = 0; fraction < FRACTIONS.length; fraction++) {
      const filter = FRACTIONS[fraction]!;
      let value = 0;
      for (let tap = 0; tap < filter.length; tap++) value += filter[tap]! * (samples[first + tap] ?? 0);
      if (value > truePeak) truePeak = value;
      else if (-value > truePeak) truePeak = -value;
    }
  }
  return truePeak;
}

// --- internal ---

// For each fraction f of a sample, the Hann-windowed sinc weights of the samples at offsets -5…6 from the one before it, of unit gain.
function buildFractionFilters(): Float64Array[] {
  const filters: Float64Array[] = [];
  for (let step = 1; step < OVERSAMPLING; step++) {
    const fraction = step / OVERSAMPLING;
    const filter = new Float64Array(HALF_TAPS * 2);
    for (let tap = 0; tap < filter.length; tap++) {
      const distance = fraction - (tap - HALF_TAPS + 1);
      const sinc = Math.sin(Math.PI * distance) / (Math.PI * distance);
      const window = 0.5 + 0.5 * Math.cos((Math.PI * distance) / HALF_TAPS);
      filter[tap] = sinc * window;
    }
    const sum = filter.reduce((total, weight) => total + weight, 0);
    filters.push(filter.map((weight) => weight / sum));
  }
  return filters;
}
