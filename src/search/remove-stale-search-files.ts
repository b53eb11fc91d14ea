import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SEARCH_FOLDER, type SearchManifest } from './search-manifest.js';

// The single data file of the first layout, before the search was split.
const SINGLE_FILE_LAYOUT = join('assets', 'search-data.js');
const PART_FILE = /^(documents|terms)-(\d+)\.js$/;

/** Removes what an earlier, larger layout left: the single `assets/search-data.js` and parts the manifest no longer names. */
export async function removeStaleSearchFiles(outputDir: string, manifest: SearchManifest): Promise<void> {
  await rm(join(outputDir, SINGLE_FILE_LAYOUT), { force: true });
  const folder = join(outputDir, SEARCH_FOLDER);
  const counts = { documents: manifest.shards.length, terms: manifest.termBuckets.length };
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const match = PART_FILE.exec(name);
    if (match && Number(match[2]) >= counts[match[1] as keyof typeof counts]) await rm(join(folder, name), { force: true });
  }
}
