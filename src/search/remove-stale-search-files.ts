import { randomBytes } from 'node:crypto';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SEARCH_FOLDER } from './search-manifest.js';

/** The start of a staging folder's name, `assets/search/.staging-<pid>-<hex>`: a publish writes its parts there. */
export const SEARCH_STAGING_PREFIX = '.staging-';

// What earlier layouts left: one data file, then MiniSearch's browser build with parts named without a version.
const EARLIER_LAYOUT_FILES = [join('assets', 'search-data.js'), join('assets', 'minisearch.js')];
const TRASH_PREFIX = '.trash-';

/**
 * Removes everything under `assets/search/` but the manifest and the folders of `keep`: earlier publishes' parts,
 * the staging folders of killed runs (one publish at a time holds the run lock), and files of earlier layouts.
 * A folder is renamed aside before it is removed, so a part-deleted folder never carries a version's name.
 */
export async function removeStaleSearchFiles(outputDir: string, keep: readonly string[]): Promise<void> {
  for (const file of EARLIER_LAYOUT_FILES) await rm(join(outputDir, file), { force: true });
  const folder = join(outputDir, SEARCH_FOLDER);
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (name === 'manifest.js' || keep.includes(name)) continue;
    let path = join(folder, name);
    if (!name.startsWith(TRASH_PREFIX) && !name.startsWith(SEARCH_STAGING_PREFIX)) {
      const trash = join(folder, `${TRASH_PREFIX}${randomBytes(4).toString('hex')}-${name}`);
      await rename(path, trash);
      path = trash;
    }
    await rm(path, { recursive: true, force: true });
  }
}
