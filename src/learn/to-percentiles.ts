/** Each score's place among all of them, 1 for the highest and 0 for the lowest (ties share the mean place; one score alone is 1). */
export function toPercentiles(scores: readonly number[]): number[] {
  if (scores.length <= 1) return scores.map(() => 1);
  const order = Array.from(scores.keys()).sort((left, right) => scores[left]! - scores[right]!);
  const percentiles = new Array<number>(scores.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const place = (start + end) / 2 / (scores.length - 1);
    for (let index = start; index <= end; index++) percentiles[order[index]!] = place;
    start = end + 1;
  }
  return percentiles;
}
