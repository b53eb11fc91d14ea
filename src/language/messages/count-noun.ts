/** `1 paper`, `7 papers`: a count with its noun, singular for one. */
export function countNoun(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
