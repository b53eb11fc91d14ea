import { getMessages } from '../language/messages.js';

/** Authors named before "et al.": some papers list hundreds, and a card has one line for them. */
export const AUTHORS_NAMED = 3;

/** The one rule for authors on every card, page and message: "A, B, C et al." beyond three, in the words and punctuation of `language`. */
export function formatAuthors(authors: readonly string[], language?: string): string {
  const messages = getMessages(language);
  const named = authors.map((author) => author.trim()).filter((author) => author !== '');
  if (named.length === 0) return messages.authorsNotListed;
  if (named.length <= AUTHORS_NAMED) return named.join(messages.listSeparator);
  return `${named.slice(0, AUTHORS_NAMED).join(messages.listSeparator)}${messages.etAl}`;
}
