import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSearchDataWriter, type SearchDataWriterOptions } from '../../src/search/create-search-data-writer.js';
import { encodeShardNumbers } from '../../src/search/create-search-term-directory.js';
import { buildEditionRecord } from '../../src/edition/edition-record.js';
import type { SearchDocument } from '../../src/search/search-document.js';
import type { SearchManifest } from '../../src/search/search-manifest.js';
import { makeSampleBriefs } from '../helpers/sample-brief.js';

const [retrieval, nowcasting, entanglement] = makeSampleBriefs();
const NEWER = buildEditionRecord({ date: '2025-01-21', papers: [{ brief: retrieval! }, { brief: entanglement! }] });
const OLDER = buildEditionRecord({ date: '2025-01-20', papers: [{ brief: nowcasting! }, { brief: retrieval! }] });

let outputDir: string;
const folder = () => join(outputDir, 'assets', 'search');

beforeEach(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'search-data-'));
});
afterEach(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

// Runs a file of the search data as the browser would, and returns what it handed over.
async function runSearchFile(name: string): Promise<unknown> {
  const script = await readFile(join(folder(), name), 'utf8');
  const window: Record<string, unknown> = {};
  let content: unknown;
  new Function('window', 'arxivBriefSearchPart', script)(window, (_name: string, value: unknown) => (content = value));
  return content ?? window.arxivBriefSearchManifest;
}

async function publishSearchData(options: SearchDataWriterOptions = {}): Promise<SearchManifest> {
  const writer = await createSearchDataWriter(outputDir, options);
  await writer.add(NEWER);
  await writer.add(OLDER);
  return writer.commit();
}

describe('createSearchDataWriter', () => {
  it('keeps each paper once, with its newest edition, and only the searchable fields', async () => {
    const manifest = await publishSearchData();
    expect(manifest.shards).toHaveLength(1);
    const documents = (await runSearchFile('documents-0.js')) as SearchDocument[];
    expect(documents.map((document) => `${document.stem} ${document.date}`)).toEqual(['2501.01234v2 2025-01-21', 'hep-th_9108004v1 2025-01-21', '2501.05678v1 2025-01-20']);
    expect(documents[2]).toEqual({
      stem: '2501.05678v1',
      title: 'Calibrated Uncertainty for Weather Nowcasting with Diffusion Ensembles',
      authors: 'Emmy Noether, John von Neumann',
      summary: expect.stringContaining('isotonic recalibration'),
      critique: expect.stringContaining('Clear ablations over the number of experts.'),
      date: '2025-01-20',
    });
    expect(await runSearchFile('manifest.js')).toEqual(manifest);
  });

  it('cuts the briefs into shards of about the given size, newest first, each listed with its dates and size', async () => {
    const manifest = await publishSearchData({ shardBytes: 1 });
    expect(manifest.documents).toBe(3);
    expect(manifest.shards.map(({ newest, oldest, documents }) => `${newest} ${oldest} ${documents}`)).toEqual(['2025-01-21 2025-01-21 1', '2025-01-21 2025-01-21 1', '2025-01-20 2025-01-20 1']);
    for (const [number, shard] of manifest.shards.entries()) {
      expect(shard.bytes).toBe((await stat(join(folder(), `documents-${number}.js`))).size);
      expect(((await runSearchFile(`documents-${number}.js`)) as SearchDocument[]).map((document) => document.date)).toEqual([shard.newest]);
    }
  });

  it('writes a term directory, in sorted buckets, telling which shards hold each term as MiniSearch splits and lowercases it', async () => {
    const manifest = await publishSearchData({ shardBytes: 1, bucketBytes: 200 });
    const entries: Array<[string, string]> = [];
    for (const [number, first] of manifest.termBuckets.entries()) {
      const bucket = (await runSearchFile(`terms-${number}.js`)) as Array<[string, string]>;
      expect(bucket[0]![0]).toBe(first);
      entries.push(...bucket);
    }
    expect(manifest.termBuckets.length).toBeGreaterThan(5);
    const terms = entries.map(([term]) => term);
    expect(terms).toEqual([...new Set(terms)].sort());
    const shardsOf = new Map(entries);
    // Shard 0: retrieval; 1: entanglement; 2: nowcasting. "Long-Context" is two terms.
    expect(shardsOf.get('isotonic')).toBe('2');
    expect(shardsOf.get('context')).toBe('0');
    expect(shardsOf.get('dirac')).toBe('1');
    expect(shardsOf.get('the')).toBe('0-2');
    expect(terms.every((term) => term === term.toLowerCase() && term !== '')).toBe(true);
  });

  it('removes the files of an earlier layout: the single search-data.js and parts the manifest no longer names', async () => {
    await mkdir(folder(), { recursive: true });
    for (const name of ['documents-7.js', 'terms-99.js', 'notes.txt']) await writeFile(join(folder(), name), 'old');
    await writeFile(join(outputDir, 'assets', 'search-data.js'), 'window.arxivBriefSearchData = {"documents":[]};\n');

    const manifest = await publishSearchData();

    expect(existsSync(join(outputDir, 'assets', 'search-data.js'))).toBe(false);
    const expected = ['manifest.js', 'notes.txt', ...manifest.shards.map((_, number) => `documents-${number}.js`), ...manifest.termBuckets.map((_, number) => `terms-${number}.js`)];
    expect((await readdir(folder())).sort()).toEqual(expected.sort());
  });

  it('leaves nothing behind when aborted', async () => {
    const writer = await createSearchDataWriter(outputDir, { shardBytes: 1 });
    await writer.add(NEWER);
    await writer.abort();
    expect(await readdir(folder())).toEqual([]);
  });

  it('writes an empty archive as a manifest without shards', async () => {
    const writer = await createSearchDataWriter(outputDir);
    expect(await writer.commit()).toEqual({ documents: 0, shards: [], termBuckets: [], version: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(await runSearchFile('manifest.js')).toEqual({ documents: 0, shards: [], termBuckets: [], version: expect.stringMatching(/^[0-9a-f]{12}$/) });
  });
});

describe('encodeShardNumbers', () => {
  it('writes runs of shards as ranges', () => {
    expect(encodeShardNumbers([0, 1, 2, 5, 7, 8])).toBe('0-2,5,7-8');
    expect(encodeShardNumbers([3])).toBe('3');
  });
});
