import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSearchDataWriter, type SearchDataWriterOptions } from '../../src/search/create-search-data-writer.js';
import { buildEditionRecord, type EditionRecord } from '../../src/edition/edition-record.js';
import type { SearchDocument } from '../../src/search/search-document.js';
import type { SearchManifest } from '../../src/search/search-manifest.js';
import { openArchiveSearch, runSearchFile } from '../helpers/open-archive-search.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';

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

async function publishSearchData(editions: readonly EditionRecord[] = [NEWER, OLDER], options: SearchDataWriterOptions = {}): Promise<SearchManifest> {
  const writer = await createSearchDataWriter(outputDir, options);
  for (const edition of editions) await writer.add(edition);
  return writer.commit();
}

describe('createSearchDataWriter', () => {
  it('keeps each paper once, with its newest edition, and only what a result shows', async () => {
    const manifest = await publishSearchData();
    expect(manifest).toEqual({ version: expect.stringMatching(/^[0-9a-f]{12}$/), documents: 3, documentsPerShard: 32, termBuckets: [expect.any(String)] });
    const documents = (await runSearchFile(join(folder(), manifest.version, 'documents-0.js'))) as SearchDocument[];
    expect(documents).toEqual([
      { stem: '2501.01234v2', title: 'Sparse Experts for Long-Context Retrieval', authors: 'Ada Lovelace, Alan Turing, Grace Hopper', date: '2025-01-21' },
      { stem: 'hep-th_9108004v1', title: expect.any(String), authors: 'Paul Dirac', date: '2025-01-21' },
      { stem: '2501.05678v1', title: 'Calibrated Uncertainty for Weather Nowcasting with Diffusion Ensembles', authors: 'Emmy Noether, John von Neumann', date: '2025-01-20' },
    ]);
    expect(await runSearchFile(join(folder(), 'manifest.js'))).toEqual(manifest);
  });

  it('cuts the results\' titles into parts of the given count, newest first', async () => {
    const manifest = await publishSearchData([NEWER, OLDER], { documentsPerShard: 2 });
    expect((await readdir(join(folder(), manifest.version))).filter((name) => name.startsWith('documents-')).sort()).toEqual(['documents-0.js', 'documents-1.js']);
    expect(((await runSearchFile(join(folder(), manifest.version, 'documents-1.js'))) as SearchDocument[]).map((document) => document.stem)).toEqual(['2501.05678v1']);
  });

  it('splits the term directory by term, in sorted buckets, each term with every brief that holds it', async () => {
    const manifest = await publishSearchData([NEWER, OLDER], { bucketBytes: 200 });
    expect(manifest.termBuckets.length).toBeGreaterThan(5);
    expect(manifest.termBuckets).toEqual([...manifest.termBuckets].sort());
    const terms: string[] = [];
    for (const [number, first] of manifest.termBuckets.entries()) {
      const bucket = (await runSearchFile(join(folder(), manifest.version, `terms-${number}.js`))) as Array<[string, string]>;
      expect(bucket[0]![0]).toBe(first);
      terms.push(...bucket.map(([term]) => term));
    }
    expect(terms).toEqual([...new Set(terms)].sort());
    expect(terms.every((term) => term === term.toLowerCase() && term !== '')).toBe(true);
    // "Long-Context" is two terms.
    expect(terms).toEqual(expect.arrayContaining(['long', 'context', 'isotonic', 'dirac']));
  });

  it('puts each publish\'s parts under a new name and keeps the previous publish\'s until the next, removing earlier ones and earlier layouts', async () => {
    await mkdir(folder(), { recursive: true });
    // An earlier layout's parts, a killed run's staging folder, and the single data file and library before them.
    for (const name of ['documents-7.js', 'terms-99.js', 'documents-0.js.999999999.0badcafe.tmp']) await writeFile(join(folder(), name), 'old');
    await mkdir(join(folder(), '.staging-999999999-0badcafe'));
    await writeFile(join(outputDir, 'assets', 'search-data.js'), 'window.arxivBriefSearchData = {"documents":[]};\n');
    await writeFile(join(outputDir, 'assets', 'minisearch.js'), 'var MiniSearch;\n');

    const first = await publishSearchData([OLDER]);
    expect((await readdir(folder())).sort()).toEqual([first.version, 'manifest.js'].sort());
    expect(existsSync(join(outputDir, 'assets', 'search-data.js'))).toBe(false);
    expect(existsSync(join(outputDir, 'assets', 'minisearch.js'))).toBe(false);

    const second = await publishSearchData([NEWER, OLDER]);
    expect(second.version).not.toBe(first.version);
    expect((await readdir(folder())).sort()).toEqual([first.version, second.version, 'manifest.js'].sort());
    const third = await publishSearchData([buildEditionRecord({ date: '2025-01-22', papers: [{ brief: makeSampleBrief({ paper: { id: '2501.09999', title: 'Wombats' } }) }] }), NEWER, OLDER]);
    expect((await readdir(folder())).sort()).toEqual([second.version, third.version, 'manifest.js'].sort());
    // The same briefs again: the same name, its folder kept as it was.
    expect((await publishSearchData([NEWER, OLDER])).version).toBe(second.version);
  });

  it('leaves nothing behind when aborted', async () => {
    const writer = await createSearchDataWriter(outputDir, { documentsPerShard: 1 });
    await writer.add(NEWER);
    await writer.abort();
    expect(await readdir(folder())).toEqual([]);
  });

  it('writes an empty archive as a manifest without parts to load, which finds nothing', async () => {
    const manifest = await publishSearchData([]);
    expect(manifest).toMatchObject({ documents: 0, termBuckets: [] });
    const { engine } = await openArchiveSearch(outputDir);
    expect((await engine.search('anything')).results).toEqual([]);
  });
});
