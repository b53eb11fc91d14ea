import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { OutputWriteError } from '../output/output-write-error.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { writeFileDurably } from '../output/write-file-durably.js';
import type { EditionRecord } from '../edition/edition-record.js';
import { createSearchPostings } from './create-search-postings.js';
import { removeStaleSearchFiles, SEARCH_STAGING_PREFIX } from './remove-stale-search-files.js';
import { type SearchDocument, toSearchDocument, toSearchFields } from './search-document.js';
import { renderSearchManifest, renderSearchPart, SEARCH_FOLDER, SEARCH_MANIFEST_GLOBAL, type SearchManifest, toSearchPartName } from './search-manifest.js';

/** Briefs per `documents-<n>.js`: a page of results loads at most one small part per result. */
export const SEARCH_DOCUMENTS_PER_SHARD = 32;

/** Where a bucket of the term directory is closed: a query word loads one bucket (a very common word fills its own). */
export const SEARCH_TERM_BUCKET_BYTES = 32_000;

export interface SearchDataWriterOptions {
  /** Briefs per part of the results' titles. Default: SEARCH_DOCUMENTS_PER_SHARD (32). */
  documentsPerShard?: number;
  /** Where a bucket of the term directory is closed. Default: SEARCH_TERM_BUCKET_BYTES (32 KB). */
  bucketBytes?: number;
}

export interface SearchDataWriter {
  /** Adds the papers of an edition not seen yet; add editions newest first, so a paper keeps its newest date. */
  add(edition: EditionRecord): Promise<void>;
  /** Puts the new parts in place under a new name, then the manifest, then removes the parts of earlier publishes. */
  commit(): Promise<SearchManifest>;
  /** Removes the unfinished parts. */
  abort(): Promise<void>;
}

/**
 * Streams the search data into a staging folder edition by edition (only the posting lists stay in memory): the
 * results' titles in small parts (`documents-<n>.js`), and the term directory split by term (`terms-<n>.js`), each
 * term with every brief that holds it, so a query loads the buckets of its words and finds every match. On commit the
 * folder is renamed to `assets/search/<version>/` and the manifest switched to it last: a crash at any step leaves
 * the manifest naming one whole set of parts.
 */
export async function createSearchDataWriter(
  outputDir: string,
  { documentsPerShard = SEARCH_DOCUMENTS_PER_SHARD, bucketBytes = SEARCH_TERM_BUCKET_BYTES }: SearchDataWriterOptions = {},
): Promise<SearchDataWriter> {
  const folder = join(outputDir, SEARCH_FOLDER);
  const staging = join(folder, `${SEARCH_STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(staging, { recursive: true }).catch((error: unknown) => {
    throw new OutputWriteError(staging, error);
  });
  const seen = new Set<string>();
  const postings = createSearchPostings();
  const version = createHash('sha256');
  let shard: SearchDocument[] = [];
  let shards = 0;
  const writePart = async (name: string, json: string) => {
    version.update(`${name}\n${json}\n`);
    await writePartFile(join(staging, `${name}.js`), renderSearchPart(name, json));
  };
  const closeShard = async () => {
    if (shard.length === 0) return;
    await writePart(toSearchPartName('documents', shards), JSON.stringify(shard));
    shards += 1;
    shard = [];
  };
  return {
    async add(edition) {
      for (const paper of edition.papers) {
        if (seen.has(paper.stem)) continue;
        postings.add(seen.size, toSearchFields(paper));
        seen.add(paper.stem);
        shard.push(toSearchDocument(paper, edition.date));
        if (shard.length === documentsPerShard) await closeShard();
      }
    },
    async commit() {
      await closeShard();
      const termBuckets: string[] = [];
      for (const bucket of postings.toBuckets(bucketBytes)) {
        await writePart(toSearchPartName('terms', termBuckets.length), bucket.json);
        termBuckets.push(bucket.first);
      }
      const manifest: SearchManifest = { version: '', documents: seen.size, documentsPerShard, termBuckets };
      version.update(JSON.stringify(manifest));
      manifest.version = version.digest('hex').slice(0, 12);
      const parts = join(folder, manifest.version);
      // The same content published before stays as it is (a manifest may name it), unless files of it were removed.
      if (await isSameFolder(parts, staging)) await rm(staging, { recursive: true, force: true });
      else await replaceFolder(staging, parts);
      const previous = await readManifestVersion(folder);
      // Last: a reader who gets the new manifest finds every part it names.
      await writeFileAtomic(join(folder, 'manifest.js'), renderSearchManifest(manifest));
      // The previous publish's parts stay until the next one: a page opened before this publish still finds them.
      await removeStaleSearchFiles(outputDir, [manifest.version, ...(previous === undefined ? [] : [previous])]);
      return manifest;
    },
    async abort() {
      await rm(staging, { recursive: true, force: true });
    },
  };
}

// --- internal ---

// Synced before the folder is renamed into place: a power cut must not leave a named folder of empty files.
async function writePartFile(path: string, text: string): Promise<void> {
  try {
    await writeFileDurably(path, text);
  } catch (error) {
    throw new OutputWriteError(path, error);
  }
}

// Whether `folder` exists and holds files of the same names and sizes as `model`.
async function isSameFolder(folder: string, model: string): Promise<boolean> {
  const list = async (path: string) => {
    const names = (await readdir(path)).sort();
    return Promise.all(names.map(async (name) => `${name} ${(await stat(join(path, name))).size}`));
  };
  try {
    return (await list(folder)).join('\n') === (await list(model)).join('\n');
  } catch {
    return false;
  }
}

// Renames `from` to `to`; a damaged folder in the way is moved aside first and removed after.
async function replaceFolder(from: string, to: string): Promise<void> {
  const aside = join(dirname(to), `${SEARCH_STAGING_PREFIX}replaced-${randomBytes(4).toString('hex')}`);
  try {
    if (existsSync(to)) await rename(to, aside);
    await rename(from, to);
    await rm(aside, { recursive: true, force: true });
  } catch (error) {
    throw new OutputWriteError(to, error);
  }
}

// The version the current manifest names, if it is one of this layout.
async function readManifestVersion(folder: string): Promise<string | undefined> {
  const text = await readFile(join(folder, 'manifest.js'), 'utf8').catch(() => '');
  const prefix = `window.${SEARCH_MANIFEST_GLOBAL} = `;
  if (!text.startsWith(prefix)) return undefined;
  try {
    const version = (JSON.parse(text.slice(prefix.length).trim().replace(/;$/, '')) as { version?: unknown }).version;
    return typeof version === 'string' && /^[0-9a-f]{12}$/.test(version) ? version : undefined;
  } catch {
    return undefined;
  }
}
