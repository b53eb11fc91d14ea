import MiniSearch from 'minisearch';
import type { ProfileEntry, Relevance } from './relevance.js';

/** What the keyword score reads of a candidate. */
export type KeywordDocument = { title: string; abstract: string };

/**
 * Pure: BM25 (MiniSearch) of each candidate's title and abstract against each profile entry, the best
 * entry kept and scaled so the day's best candidate scores 1; the reason lists the words that matched.
 */
export function scoreByKeywords(candidates: readonly KeywordDocument[], profile: readonly ProfileEntry[]): Relevance[] {
  const index = new MiniSearch<KeywordDocument & { id: number }>({ fields: ['title', 'abstract'], storeFields: [], processTerm: keepContentWord });
  index.addAll(candidates.map((candidate, id) => ({ id, title: candidate.title, abstract: candidate.abstract })));
  const best = new Map<number, { score: number; terms: string[] }>();
  for (const entry of profile) {
    for (const result of index.search(entry.text, { boost: { title: 2 } })) {
      const id = result.id as number;
      const previous = best.get(id);
      if (!previous || result.score > previous.score) best.set(id, { score: result.score, terms: result.queryTerms });
    }
  }
  const top = Math.max(0, ...[...best.values()].map((match) => match.score));
  return candidates.map((_, id) => {
    const match = best.get(id);
    if (!match || top === 0) return { score: 0, reason: '' };
    return { score: match.score / top, reason: `matches: ${[...new Set(match.terms)].join(', ')}` };
  });
}

// --- internal ---

// Words that say nothing of a topic; matching them would rank every abstract alike.
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or over that the their this to under using via we with without very new based'.split(' '),
);

function keepContentWord(term: string): string | null {
  const word = term.toLowerCase();
  return STOP_WORDS.has(word) ? null : word;
}
