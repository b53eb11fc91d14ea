/** At most `maxChars` characters, an ellipsis marking the cut: mail fields and reason lines are lines, not pages. */
export function truncateText(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1).trimEnd()}…`;
}
