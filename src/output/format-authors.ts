/** Authors named before "et al.": some papers list hundreds, and a card has one line for them. */
export const AUTHORS_NAMED = 3;

/** The one rule for authors on every card, page and message: "A, B, C et al." beyond three. */
export function formatAuthors(authors: readonly string[]): string {
  const named = authors.map((author) => author.trim()).filter((author) => author !== '');
  if (named.length === 0) return 'Authors not listed';
  if (named.length <= AUTHORS_NAMED) return named.join(', ');
  return `${named.slice(0, AUTHORS_NAMED).join(', ')} et al.`;
}
