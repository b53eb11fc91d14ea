/** Each score's place among all of them, 1 for the highest and 0 for the lowest (ties share the mean place; one score alone is 1). */
export function toPercentiles(scores: readonly number[]): number[] {
  if (scores.length <= 1) return scores.map(() => 1);
  // A typed array sorts numbers natively, several times faster than Array#sort with a comparator.
  const sorted = Float64Array.from(scores).sort();
  return scores.map((score) => (lowerBound(sorted, score) + upperBound(sorted, score) - 1) / 2 / (scores.length - 1));
}

// --- internal ---

// The first place holding a value not below `value`.
function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

// The first place holding a value above `value`.
function upperBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
