import { findMentions } from '../text/find-mentions.js';
import { nameParts } from './count-paper-terms.js';
import type { LearnPaper } from './learn-paper.js';

/** What a reader's explicit rules say of a paper: dropped by a `never` keyword, or shown for a followed author. */
export type RuleVerdict = { kind: 'never'; keyword: string } | { kind: 'follow'; author: string } | null;

/**
 * `never` wins over `follow`: dropping is the stronger wish. A keyword matches a whole word of the title or
 * abstract in any case; a followed name matches an author holding all its parts ("Lovelace" and
 * "Lovelace, Ada" both match "Ada Lovelace").
 */
export function matchReaderRules(paper: LearnPaper, never: readonly string[], follow: readonly string[]): RuleVerdict {
  const [keyword] = findMentions(`${paper.title}\n${paper.abstract}`, never);
  if (keyword !== undefined) return { kind: 'never', keyword };
  for (const followed of follow) {
    const wanted = nameParts(followed);
    if (wanted.length === 0) continue;
    const author = paper.authors.find((name) => {
      const parts = new Set(nameParts(name));
      return wanted.every((part) => parts.has(part));
    });
    if (author !== undefined) return { kind: 'follow', author };
  }
  return null;
}
