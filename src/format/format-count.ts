/** A count with its noun in the number it needs: `1 candidate`, `2 candidates` (`plural` for the irregular ones). */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
