import { SUMMARY_POINTS } from '../output/summary-points.js';
import type { EditionRecord } from '../edition/edition-record.js';

/** The fields a search matches, each with how much a match in it counts: a word of the title says most about a paper. */
export const SEARCH_FIELD_BOOSTS = { title: 3, authors: 2, summary: 1, critique: 1 } as const;

export type SearchField = keyof typeof SEARCH_FIELD_BOOSTS;

/** What a search result shows of a brief; the matched text itself stays in the term directory. */
export interface SearchDocument {
  stem: string;
  title: string;
  authors: string;
  /** The newest edition the paper appeared in. */
  date: string;
}

// A paper of an edition as a search result shows it.
export function toSearchDocument(paper: EditionRecord['papers'][number], date: string): SearchDocument {
  return { stem: paper.stem, title: paper.title, authors: paper.authors.join(', '), date };
}

// The texts of a paper a search matches, field by field.
export function toSearchFields(paper: EditionRecord['papers'][number]): Record<SearchField, string> {
  return {
    title: paper.title,
    authors: paper.authors.join(', '),
    summary: SUMMARY_POINTS.map(([key]) => paper.summary[key]).join(' '),
    critique: paper.critique,
  };
}
