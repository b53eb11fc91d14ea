import { SUMMARY_POINTS } from '../output/summary-points.js';
import type { EditionRecord } from './edition-record.js';

/** The name of the global `assets/search-data.js` assigns: a `<script src>` loads it where `fetch` of a local file fails. */
export const SEARCH_DATA_GLOBAL = 'arxivBriefSearchData';

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

/** `assets/search-data.js`: every paper of every edition once (its newest appearance), as a script that sets a global. */
export function renderSearchData(editions: readonly EditionRecord[]): string {
  const seen = new Set<string>();
  const documents: SearchDocument[] = [];
  for (const edition of [...editions].sort((left, right) => right.date.localeCompare(left.date))) {
    for (const paper of edition.papers) {
      if (seen.has(paper.stem)) continue;
      seen.add(paper.stem);
      documents.push({
        stem: paper.stem,
        title: paper.title,
        authors: paper.authors.join(', '),
        summary: SUMMARY_POINTS.map(([key]) => paper.summary[key]).join(' '),
        critique: paper.critique,
        date: edition.date,
      });
    }
  }
  // JSON is a JavaScript expression; the file is loaded by src, so no `</script>` can end it early.
  return `window.${SEARCH_DATA_GLOBAL} = ${JSON.stringify({ documents })};\n`;
}
