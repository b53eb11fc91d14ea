import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditionRecord, type EditionRecord } from '../../src/edition/edition-record.js';
import { createSearchDataWriter } from '../../src/search/create-search-data-writer.js';
import { type ArchiveSearch, openArchiveSearch } from '../helpers/open-archive-search.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';

const [retrieval, nowcasting, entanglement] = makeSampleBriefs();
// 60 more briefs over 30 days: "Ensemble" in every title, "Gryphon" in the title of one brief a week.
const DAYS = Array.from({ length: 30 }, (_, day) => {
  const date = new Date(Date.parse('2024-12-01T00:00:00Z') + day * 86_400_000).toISOString().slice(0, 10);
  const papers = [0, 1].map((index) => {
    const title = `${day % 7 === 0 && index === 0 ? 'Gryphon ' : ''}Ensemble study ${day}-${index}`;
    return { brief: makeSampleBrief({ paper: { id: `2412.${String(10_000 + day * 2 + index)}`, version: 1, title } }) };
  });
  return buildEditionRecord({ date, papers });
}).reverse();
// Newer than the nowcasting brief, and holding "nowcasting" only in its text.
const SURVEY = makeSampleBrief({ paper: { id: '2501.09000', version: 1, title: 'A Survey of Rain' }, summary: { ...retrieval!.summary, problem: 'Whether nowcasting helps farmers.' } });
const EDITIONS: EditionRecord[] = [
  buildEditionRecord({ date: '2025-01-21', papers: [{ brief: retrieval! }, { brief: entanglement! }, { brief: SURVEY }] }),
  buildEditionRecord({ date: '2025-01-20', papers: [{ brief: nowcasting! }] }),
  ...DAYS,
];

let outputDir: string;
let engine: ArchiveSearch;

beforeAll(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'search-engine-'));
  // Small parts, so a query shows it loads only what it needs.
  const writer = await createSearchDataWriter(outputDir, { documentsPerShard: 4, bucketBytes: 1_000 });
  for (const edition of EDITIONS) await writer.add(edition);
  await writer.commit();
  ({ engine } = await openArchiveSearch(outputDir));
});
afterAll(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

async function findTitles(query: string): Promise<string[]> {
  const { results } = await engine.search(query);
  return (await engine.documents(results)).map((document) => document.title);
}

describe('the archive search engine', () => {
  it('finds every brief holding all the words, in any field, newest first among equals', async () => {
    expect(await findTitles('isotonic')).toEqual([nowcasting!.paper.title]);
    expect(await findTitles('Noether')).toEqual([nowcasting!.paper.title]);
    const gryphons = await findTitles('gryphon');
    expect(gryphons).toEqual(['Gryphon Ensemble study 28-0', 'Gryphon Ensemble study 21-0', 'Gryphon Ensemble study 14-0', 'Gryphon Ensemble study 7-0', 'Gryphon Ensemble study 0-0']);
    expect(await findTitles('gryphon ensemble')).toEqual(gryphons);
    expect(await findTitles('ensemble')).toHaveLength(61);
    expect(await findTitles('gryphon isotonic')).toEqual([]);
  });

  it('ranks a word of the title above the same word in the text', async () => {
    expect(await findTitles('nowcasting')).toEqual([nowcasting!.paper.title, SURVEY.paper.title]);
  });

  it('reads the last word as the start of a word, and a word no brief holds as its close spellings', async () => {
    expect(await findTitles('isoton')).toEqual([nowcasting!.paper.title]);
    expect(await findTitles('gryph ensemble')).toEqual([]);
    const misspelt = await engine.search('isotnoic');
    expect(misspelt.words).toEqual([{ word: 'isotnoic', matches: [{ term: 'isotonic', factor: 0.5 }], closeSpellings: true }]);
    expect((await engine.documents(misspelt.results)).map((document) => document.title)).toEqual([nowcasting!.paper.title]);
  });

  it('loads the bucket of each word and one part of titles per result, not the archive', async () => {
    const fresh = await openArchiveSearch(outputDir);
    const { results } = await fresh.engine.search('noether');
    await fresh.engine.documents(results);
    expect(fresh.manifest.termBuckets.length).toBeGreaterThan(10);
    expect(fresh.loaded).toEqual([expect.stringMatching(/^terms-\d+$/), 'documents-0']);
  });
});
