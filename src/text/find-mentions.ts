import { escapeRegExp } from './escape-reg-exp.js';

/** The terms a text mentions, as whole words and ignoring case ("RAG" in "RAG-based", not in "storage"). */
export function findMentions(text: string, terms: readonly string[]): string[] {
  return terms.filter((term) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'iu').test(text));
}
