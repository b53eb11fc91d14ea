import { SUMMARY_POINTS } from '../output/summary-points.js';
import type { EditionRecord } from '../edition/edition-record.js';

/** The fields the search box matches, in the order MiniSearch indexes them (in the browser and in the term directory). */
export const SEARCH_FIELDS = ['title', 'authors', 'summary', 'critique'] as const;

/** One searchable brief: only the fields the search box matches or shows. */
export interface SearchDocument {
  stem: string;
  title: string;
  authors: string;
  summary: string;
  critique: string;
  /** The newest edition the paper appeared in. */
  date: string;
}

// A paper of an edition as the search box sees it.
export function toSearchDocument(paper: EditionRecord['papers'][number], date: string): SearchDocument {
  return {
    stem: paper.stem,
    title: paper.title,
    authors: paper.authors.join(', '),
    summary: SUMMARY_POINTS.map(([key]) => paper.summary[key]).join(' '),
    critique: paper.critique,
    date,
  };
}
