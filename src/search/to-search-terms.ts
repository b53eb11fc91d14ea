/** What separates the words of a text: white space and punctuation of any script (MiniSearch's rule, with tabs). */
export const SEARCH_WORD_SEPARATOR = /[\s\p{Z}\p{P}]+/u;

// The one tokenizer of the search: the term directory is written with it and the browser splits a query with its source.
export function toSearchTerms(text: string): string[] {
  return text
    .split(SEARCH_WORD_SEPARATOR)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}
