import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARCHIVE_SEARCH_ENGINE } from '../../src/search/archive-search-engine.js';
import type { SearchDocument } from '../../src/search/search-document.js';
import type { SearchManifest } from '../../src/search/search-manifest.js';

export interface ArchiveSearch {
  search(query: string): Promise<{ results: number[]; words: Array<{ word: string; matches: Array<{ term: string; factor: number }>; closeSpellings: boolean }> }>;
  documents(numbers: number[]): Promise<SearchDocument[]>;
}

/** Runs a file of the search data as the browser would, and returns what it handed over (or the manifest it set). */
export async function runSearchFile(path: string): Promise<unknown> {
  const script = await readFile(path, 'utf8');
  const window: Record<string, unknown> = {};
  let content: unknown;
  new Function('window', 'arxivBriefSearchPart', script)(window, (_name: string, value: unknown) => (content = value));
  return content ?? window.arxivBriefSearchManifest;
}

/**
 * The browser's search engine (the same source the archive's script embeds) over the search data of `outputDir`, in
 * Node, each part read from disk as the page's `<script>` would; `loaded` lists the parts in the order asked for.
 */
export async function openArchiveSearch(outputDir: string): Promise<{ engine: ArchiveSearch; manifest: SearchManifest; loaded: string[] }> {
  const folder = join(outputDir, 'assets', 'search');
  const manifest = (await runSearchFile(join(folder, 'manifest.js'))) as SearchManifest;
  const loaded: string[] = [];
  const load = (name: string) => {
    loaded.push(name);
    return runSearchFile(join(folder, manifest.version, `${name}.js`));
  };
  const create = new Function(`${ARCHIVE_SEARCH_ENGINE}\nreturn createArchiveSearch;`)() as (manifest: SearchManifest, load: (name: string) => Promise<unknown>) => ArchiveSearch;
  return { engine: create(manifest, load), manifest, loaded };
}
