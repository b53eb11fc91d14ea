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

export interface SearchDataBuilder {
  /** Adds the papers of an edition not seen yet; add editions newest first, so a paper keeps its newest date. */
  add(edition: EditionRecord): void;
  /** `assets/search-data.js`: a script that sets the global to `{ documents }`. */
  render(): string;
}

// Collects the search documents as JSON text, edition by edition, so the archive's records need not stay in memory.
export function createSearchDataBuilder(): SearchDataBuilder {
  const seen = new Set<string>();
  const documents: string[] = [];
  return {
    add(edition) {
      for (const paper of edition.papers) {
        if (seen.has(paper.stem)) continue;
        seen.add(paper.stem);
        const document: SearchDocument = {
          stem: paper.stem,
          title: paper.title,
          authors: paper.authors.join(', '),
          summary: SUMMARY_POINTS.map(([key]) => paper.summary[key]).join(' '),
          critique: paper.critique,
          date: edition.date,
        };
        documents.push(JSON.stringify(document));
      }
    },
    // JSON is a JavaScript expression; the file is loaded by src, so no `</script>` can end it early.
    render: () => `window.${SEARCH_DATA_GLOBAL} = {"documents":[${documents.join(',')}]};\n`,
  };
}
