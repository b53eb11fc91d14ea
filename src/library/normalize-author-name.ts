/**
 * An author as a reader would write them: "Lovelace, Ada" → "Ada Lovelace", "King, Jr., Martin" → "Martin King Jr.";
 * a name without commas is kept. `parts` are the name split at its top-level commas (braces protect a comma).
 */
export function normalizeAuthorName(parts: readonly string[]): string {
  const [last = '', ...rest] = parts.map((part) => part.replace(/\s+/g, ' ').trim());
  if (rest.length === 0) return last;
  const first = rest.at(-1)!;
  const suffixes = rest.slice(0, -1);
  return [first, last, ...suffixes].filter((part) => part !== '').join(' ');
}
