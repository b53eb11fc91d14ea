import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { type AtomicFileWriter, createAtomicFileWriter } from '../output/create-atomic-file-writer.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { createSearchTermDirectory } from './create-search-term-directory.js';
import type { EditionRecord } from '../edition/edition-record.js';
import { removeStaleSearchFiles } from './remove-stale-search-files.js';
import { toSearchDocument } from './search-document.js';
import { renderSearchManifest, renderSearchPartFrame, SEARCH_FOLDER, type SearchManifest, type SearchShard, toSearchPartName } from './search-manifest.js';

/** A shard is closed once its file reaches this size: a search loads one or two of them at a time. */
export const SEARCH_SHARD_BYTES = 200_000;

// A bucket of the term directory is closed at this size: a query term loads one, rarely two.
const TERM_BUCKET_BYTES = 16_000;

export interface SearchDataWriterOptions {
  /** Where a shard of briefs is closed. Default: SEARCH_SHARD_BYTES (200 KB). */
  shardBytes?: number;
  /** Where a bucket of the term directory is closed. Default: 16 KB. */
  bucketBytes?: number;
}

export interface SearchDataWriter {
  /** Adds the papers of an edition not seen yet; add editions newest first, so a paper keeps its newest date. */
  add(edition: EditionRecord): Promise<void>;
  /** Puts every file in place (each atomically), the manifest last, and removes the files of an earlier layout. */
  commit(): Promise<SearchManifest>;
  /** Removes the unfinished files. */
  abort(): Promise<void>;
}

/**
 * Streams the search data into `assets/search/` edition by edition, so a year of editions never sits in memory (only
 * the stems seen and the term directory stay): the briefs in shards of about 200 KB, newest first
 * (`documents-<n>.js`), the term directory that tells which shards hold a term (`terms-<n>.js`), and the manifest
 * listing both (`manifest.js`). The browser loads the manifest, then only what a query needs.
 */
export async function createSearchDataWriter(
  outputDir: string,
  { shardBytes = SEARCH_SHARD_BYTES, bucketBytes = TERM_BUCKET_BYTES }: SearchDataWriterOptions = {},
): Promise<SearchDataWriter> {
  const folder = join(outputDir, SEARCH_FOLDER);
  const seen = new Set<string>();
  const directory = createSearchTermDirectory();
  const version = createHash('sha256');
  const shards: Array<{ file: AtomicFileWriter; shard: SearchShard; end: string }> = [];
  let open: (typeof shards)[number] | undefined;
  const closeShard = async () => {
    if (open === undefined) return;
    await open.file.write(`]${open.end}`);
    await open.file.close();
    open.shard.bytes = open.file.bytes;
    open = undefined;
  };
  return {
    async add(edition) {
      for (const paper of edition.papers) {
        if (seen.has(paper.stem)) continue;
        seen.add(paper.stem);
        const document = toSearchDocument(paper, edition.date);
        if (open === undefined) {
          const name = toSearchPartName('documents', shards.length);
          const { start, end } = renderSearchPartFrame(name);
          open = { file: await createAtomicFileWriter(join(folder, `${name}.js`)), shard: { newest: edition.date, oldest: edition.date, documents: 0, bytes: 0 }, end };
          shards.push(open);
          await open.file.write(`${start}[`);
        }
        const json = JSON.stringify(document);
        version.update(json);
        await open.file.write(`${open.shard.documents > 0 ? ',' : ''}${json}`);
        open.shard.documents += 1;
        open.shard.oldest = edition.date;
        directory.add(shards.length - 1, document);
        if (open.file.bytes >= shardBytes) await closeShard();
      }
    },
    async commit() {
      await closeShard();
      const termBuckets: string[] = [];
      for (const bucket of directory.toBuckets(bucketBytes)) {
        const { start, end } = renderSearchPartFrame(toSearchPartName('terms', termBuckets.length));
        version.update(bucket.json);
        await writeFileAtomic(join(folder, `${toSearchPartName('terms', termBuckets.length)}.js`), `${start}${bucket.json}${end}`);
        termBuckets.push(bucket.first);
      }
      for (const { file } of shards) await file.commit();
      const shardList = shards.map(({ shard }) => shard);
      version.update(JSON.stringify(shardList));
      const manifest: SearchManifest = { documents: seen.size, shards: shardList, termBuckets, version: version.digest('hex').slice(0, 12) };
      // Last: a reader who gets the new manifest finds every part it names.
      await writeFileAtomic(join(folder, 'manifest.js'), renderSearchManifest(manifest));
      await removeStaleSearchFiles(outputDir, manifest);
      return manifest;
    },
    async abort() {
      for (const { file } of shards) await file.abort();
    },
  };
}
