/** Where the search data lives, from the output folder (and from index.html, which sits there). */
export const SEARCH_FOLDER = 'assets/search';

/** The global `assets/search/manifest.js` assigns: a `<script src>` loads it where `fetch` of a local file fails. */
export const SEARCH_MANIFEST_GLOBAL = 'arxivBriefSearchManifest';

/** The function every other file of the search data calls with its name and content; the search box defines it. */
export const SEARCH_PART_CALLBACK = 'arxivBriefSearchPart';

/** One shard of the searchable briefs, `documents-<n>.js`. */
export interface SearchShard {
  /** Its newest and oldest edition dates. */
  newest: string;
  oldest: string;
  documents: number;
  /** The size of its file, so the browser can tell how much a search would load. */
  bytes: number;
}

/** `assets/search/manifest.js`: what the search box loads up front, whatever the size of the archive. */
export interface SearchManifest {
  /** Briefs in all shards. */
  documents: number;
  /** Newest first: shard n holds briefs of editions at least as old as those of shard n - 1. */
  shards: SearchShard[];
  /** The first term of each bucket of the term directory, `terms-<n>.js`, in sorted order. */
  termBuckets: string[];
  /**
   * A hash of every part's content: the browser asks for `<part>.js?v=<version>`, so a cache (the browser's or a
   * CDN's) never hands it yesterday's part with today's manifest, although every publish renumbers the parts.
   */
  version: string;
}

/** The name of a data file without `.js`, as the browser asks for it. */
export function toSearchPartName(kind: 'documents' | 'terms', number: number): string {
  return `${kind}-${number}`;
}

// JSON is a JavaScript expression; the file is loaded by src, so no `</script>` can end it early.
export function renderSearchManifest(manifest: SearchManifest): string {
  return `window.${SEARCH_MANIFEST_GLOBAL} = ${JSON.stringify(manifest)};\n`;
}

/** The start and end of a data file around its JSON content, which may be streamed in between. */
export function renderSearchPartFrame(name: string): { start: string; end: string } {
  return { start: `${SEARCH_PART_CALLBACK}(${JSON.stringify(name)},`, end: ');\n' };
}
