import { readFileSync } from 'node:fs';
import { fetch as undiciFetch } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchHfDailyPapers } from '../../src/arxiv/fetch-hf-daily-papers.js';
import { SourceError } from '../../src/arxiv/source-error.js';
import { RunError, UsageError } from '../../src/errors/brief-error.js';
import { startFakeHf, type FakeHf } from '../fakes/fake-hf-server.js';
import { FIXTURES_DIR, hasFixtures } from '../helpers/fixtures.js';

let hf: FakeHf;

beforeEach(async () => {
  hf = await startFakeHf();
});

afterEach(async () => {
  await hf.close();
});

describe('fetchHfDailyPapers', () => {
  it("reads the day's arXiv IDs, once each", async () => {
    hf.setDay('2025-09-10', ['2509.08721', { id: '2509.00002', title: 'Second' }, '2509.08721']);
    const result = await fetchHfDailyPapers(undiciFetch, hf.url, '2025-09-10');

    expect(result).toMatchObject({
      ids: [
        { id: '2509.08721', version: null },
        { id: '2509.00002', version: null },
      ],
      problems: [],
    });
    expect(hf.requests[0]?.query).toEqual({ date: '2025-09-10', limit: '100', p: '0' });
  });

  it('reads every page of a long day (limit 100, p from 0), not only the first', async () => {
    const day = Array.from({ length: 230 }, (_, index) => `2509.${String(10000 + index)}`);
    hf.setDay('2025-09-10', day);
    const result = await fetchHfDailyPapers(undiciFetch, hf.url, '2025-09-10');

    expect(result.ids.map((arxivId) => arxivId.id)).toEqual(day);
    expect(hf.requests.map((request) => [request.query.date, request.query.limit, request.query.p])).toEqual([
      ['2025-09-10', '100', '0'],
      ['2025-09-10', '100', '1'],
      ['2025-09-10', '100', '2'],
    ]);
  });

  it('leaves out papers submitted on another day, and refuses a list of another day altogether', async () => {
    hf.setDay('2025-09-10', ['2509.08721', { id: '2509.00002', submittedOnDailyAt: '2025-09-09T08:00:00.000Z' }]);
    const result = await fetchHfDailyPapers(undiciFetch, hf.url, '2025-09-10');
    expect(result.ids.map((arxivId) => arxivId.id)).toEqual(['2509.08721']);

    hf.setDay('2025-09-11', [{ id: '2509.08721', submittedOnDailyAt: '2025-09-09T08:00:00.000Z' }]);
    const failure = await fetchHfDailyPapers(undiciFetch, hf.url, '2025-09-11').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SourceError);
    expect((failure as Error).message).toMatch(/answered the list of 2025-09-09, not of 2025-09-11/);
  });

  it('works with the global fetch too, and reads an empty day', async () => {
    expect(await fetchHfDailyPapers(globalThis.fetch, hf.url, '2025-09-11')).toEqual({ ids: [], problems: [], extras: new Map() });
  });

  it('reports items whose ID is not an arXiv ID and keeps the others', async () => {
    hf.setDay('2025-09-10', ['2509.08721', '../../etc/passwd', 'foo']);
    const result = await fetchHfDailyPapers(undiciFetch, hf.url, '2025-09-10');

    expect(result.ids).toEqual([{ id: '2509.08721', version: null }]);
    expect(result.problems).toEqual([
      { entry: '../../etc/passwd', message: expect.stringMatching(/^item 2: "\.\.\/\.\.\/etc\/passwd" is not an arXiv ID/) },
      { entry: 'foo', message: expect.stringMatching(/^item 3: "foo" is not an arXiv ID/) },
    ]);
  });

  it('fails with SourceError on a non-200 answer, quoting it', async () => {
    hf.setDay('2025-09-10', { status: 502, body: '{"error":"Bad gateway"}' });
    const failure = await fetchHfDailyPapers(undiciFetch, hf.url, '2025-09-10').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SourceError);
    expect(failure).toBeInstanceOf(RunError);
    expect((failure as Error).message).toBe(
      `Hugging Face daily papers answered HTTP 502 for ${hf.url}?date=2025-09-10&limit=100&p=0: {"error":"Bad gateway"}`,
    );
  });

  it('fails with SourceError on malformed JSON', async () => {
    hf.setDay('2025-09-10', { status: 200, body: '[{"paper": ' });
    await expect(fetchHfDailyPapers(undiciFetch, hf.url, '2025-09-10')).rejects.toThrow(
      /answered something that is not JSON from .*\?date=2025-09-10&limit=100&p=0: \[\{"paper":$/,
    );
  });

  it('fails with SourceError on an unexpected shape, saying what was expected', async () => {
    hf.setDay('2025-09-10', { status: 200, body: '{"papers": []}' });
    const failure = await fetchHfDailyPapers(undiciFetch, hf.url, '2025-09-10').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SourceError);
    expect((failure as Error).message).toContain('unexpected shape');
    expect((failure as Error).message).toContain('expected [{ paper: { id } }]');

    hf.setDay('2025-09-10', { status: 200, body: '[{"paper": {"title": "no id"}}]' });
    await expect(fetchHfDailyPapers(undiciFetch, hf.url, '2025-09-10')).rejects.toThrow(/0\.paper\.id/);
  });

  it('fails with SourceError when the server cannot be reached', async () => {
    const url = hf.url;
    await hf.close();
    const failure = await fetchHfDailyPapers(undiciFetch, url, '2025-09-10').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SourceError);
    // "fetch failed" alone does not say why; the cause's code does.
    expect((failure as Error).message).toMatch(/^could not read Hugging Face daily papers at .*: connection refused \(ECONNREFUSED\); check HF_DAILY_PAPERS_URL and the network$/);
    hf = await startFakeHf();
  });

  it('refuses a malformed day before any request', async () => {
    await expect(fetchHfDailyPapers(undiciFetch, hf.url, '10/09/2025')).rejects.toThrow(UsageError);
    expect(hf.requests).toHaveLength(0);
  });

  it.skipIf(!hasFixtures)('reads a real daily papers item', async () => {
    hf.setDay('2026-03-06', { status: 200, body: readFileSync(`${FIXTURES_DIR}/hf/hf_daily_papers_entry_2602.23229.json`, 'utf8') });
    expect(await fetchHfDailyPapers(undiciFetch, hf.url, '2026-03-06')).toEqual({
      ids: [{ id: '2602.23229', version: null }],
      problems: [],
      extras: new Map([['2602.23229', { upvotes: 10, githubRepo: 'https://github.com/marco-garosi/CIRCLE', projectPage: 'https://circle-lmm.github.io/' }]]),
    });
  });

  it('keeps only https links and drops a malformed upvote count', async () => {
    hf.setDay('2025-09-10', [{ id: '2509.08721', upvotes: 7, githubRepo: 'http://github.com/a/b', projectPage: 'javascript:alert(1)' }]);
    const result = await fetchHfDailyPapers(undiciFetch, hf.url, '2025-09-10');
    expect(result.extras.get('2509.08721')).toEqual({ upvotes: 7 });

    hf.setDay('2025-09-11', { status: 200, body: JSON.stringify([{ paper: { id: '2509.08721', upvotes: 'many' } }]) });
    expect((await fetchHfDailyPapers(undiciFetch, hf.url, '2025-09-11')).extras.get('2509.08721')).toEqual({});
  });
});
