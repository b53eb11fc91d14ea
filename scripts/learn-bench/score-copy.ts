/** NDCG@k of a copy against the reader's hidden gains (0 when the day held nothing they like). */
export function ndcgAt(k: number, order: readonly string[], gainOf: (id: string) => number): number {
  const dcg = (gains: readonly number[]) => gains.slice(0, k).reduce((sum, gain, place) => sum + (2 ** gain - 1) / Math.log2(place + 2), 0);
  const ideal = dcg(order.map(gainOf).sort((left, right) => right - left));
  return ideal === 0 ? 0 : dcg(order.map(gainOf)) / ideal;
}

/** Of a copy's first k papers, the share the reader likes. */
export function precisionAt(k: number, order: readonly string[], gainOf: (id: string) => number): number {
  return order.slice(0, k).filter((id) => gainOf(id) > 0).length / k;
}
