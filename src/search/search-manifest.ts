/** Where the search data lives, from the output folder (and from index.html, which sits there). */
export const SEARCH_FOLDER = 'assets/search';

/** The global `assets/search/manifest.js` assigns: a `<script src>` loads it where `fetch` of a local file fails. */
export const SEARCH_MANIFEST_GLOBAL = 'arxivBriefSearchManifest';

/** The function every other file of the search data calls with its name and content; the search box defines it. */
export const SEARCH_PART_CALLBACK = 'arxivBriefSearchPart';

/** `assets/search/manifest.js`: what the search box loads up front, a few KB whatever the size of the archive. */
export interface SearchManifest {
  /**
   * A hash of every part's content, and the folder `assets/search/<version>/` that holds them: each publish writes
   * its parts under a new name, so a crash, a browser's cache or a CDN never mixes two publishes.
   */
  version: string;
  /** Briefs searched, numbered from 0, newest edition first. */
  documents: number;
  /** Briefs per `documents-<n>.js`: brief k is in part floor(k / documentsPerShard). */
  documentsPerShard: number;
  /** The first term of each bucket of the term directory, `terms-<n>.js`, in sorted order. */
  termBuckets: string[];
}

/** The name of a data file without `.js`, as the browser asks for it. */
export function toSearchPartName(kind: 'documents' | 'terms', number: number): string {
  return `${kind}-${number}`;
}

// JSON is a JavaScript expression; the file is loaded by src, so no `</script>` can end it early.
export function renderSearchManifest(manifest: SearchManifest): string {
  return `window.${SEARCH_MANIFEST_GLOBAL} = ${JSON.stringify(manifest)};\n`;
}

/** A data file: its name and JSON content handed to the search box's callback. */
export function renderSearchPart(name: string, json: string): string {
  return `${SEARCH_PART_CALLBACK}(${JSON.stringify(name)},${json});\n`;
}
