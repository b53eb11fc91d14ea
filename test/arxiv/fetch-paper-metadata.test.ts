import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArxivApiError } from '../../src/arxiv/arxiv-api-error.js';
import { createArxivQueue, type ArxivQueue } from '../../src/arxiv/create-arxiv-queue.js';
import { fetchPaperMetadata } from '../../src/arxiv/fetch-paper-metadata.js';
import { parseArxivId } from '../../src/arxiv/parse-arxiv-id.js';
import { startFakeArxiv, type FakeArxiv } from '../fakes/fake-arxiv-server.js';

let arxiv: FakeArxiv;
let queue: ArxivQueue;

beforeEach(async () => {
  arxiv = await startFakeArxiv({
    papers: [
      { id: '2509.08721', version: 2, title: 'First paper' },
      { id: '2509.00002', title: 'Second paper', categories: ['hep-th', 'math.GT'] },
      { id: 'hep-th/9108004', title: 'Ground ring of two dimensional string theory' },
    ],
  });
  queue = createArxivQueue({ minIntervalMs: 50, maxRetryAfterMs: 1000, userAgent: 'arxiv-brief/test' });
});

afterEach(async () => {
  await queue.close();
  await arxiv.close();
});

const ids = (...inputs: string[]) => inputs.map(parseArxivId);

describe('fetchPaperMetadata', () => {
  it('asks a batch again once when the API answers an empty page, before calling the papers unknown', async () => {
    arxiv.failNext('/api/', {
      status: 200,
      headers: { 'content-type': 'application/atom+xml' },
      body: '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"><title>arXiv Query</title><opensearch:totalResults>0</opensearch:totalResults></feed>',
    });
    const found = await fetchPaperMetadata(queue, arxiv.apiUrl, ids('2509.08721', '2509.00002'));

    expect([...found.keys()].sort()).toEqual(['2509.00002', '2509.08721']);
    expect(arxiv.requests.filter((request) => request.path.startsWith('/api/'))).toHaveLength(2);
  });

  it('asks for three papers in one request and matches answers by ID', async () => {
    const found = await fetchPaperMetadata(queue, arxiv.apiUrl, ids('2509.08721', '2509.00002', 'hep-th/9108004'));

    expect(arxiv.requests).toHaveLength(1);
    expect(arxiv.requests[0]?.query).toMatchObject({ id_list: '2509.08721,2509.00002,hep-th/9108004', max_results: '3' });
    expect([...found.keys()].sort()).toEqual(['2509.00002', '2509.08721', 'hep-th/9108004']);
    expect(found.get('2509.08721')).toMatchObject({ version: 2, title: 'First paper', pdfUrl: 'https://arxiv.org/pdf/2509.08721v2' });
    expect(found.get('2509.00002')?.categories).toEqual(['hep-th', 'math.GT']);
  });

  it('asks for the version given', async () => {
    const found = await fetchPaperMetadata(queue, arxiv.apiUrl, ids('2509.08721v1'));

    expect(arxiv.requests[0]?.query.id_list).toBe('2509.08721v1');
    expect(found.get('2509.08721')?.version).toBe(1);
  });

  it('splits the IDs into batches of batchSize', async () => {
    const found = await fetchPaperMetadata(queue, arxiv.apiUrl, ids('2509.08721', '2509.00002', 'hep-th/9108004'), { batchSize: 2 });

    expect(arxiv.requests.map((request) => request.query.id_list)).toEqual(['2509.08721,2509.00002', 'hep-th/9108004']);
    expect(arxiv.requests.map((request) => request.query.max_results)).toEqual(['2', '1']);
    expect(found.size).toBe(3);
  });

  it('leaves out papers arXiv does not know', async () => {
    const found = await fetchPaperMetadata(queue, arxiv.apiUrl, ids('2509.99999', '2509.00002', 'hep-th/9108004v7'));

    expect(arxiv.requests).toHaveLength(1);
    expect([...found.keys()]).toEqual(['2509.00002']);
  });

  it('sends nothing for an empty list', async () => {
    expect((await fetchPaperMetadata(queue, arxiv.apiUrl, [])).size).toBe(0);
    expect(arxiv.requests).toHaveLength(0);
  });

  it("raises ArxivApiError with the API's message and the request", async () => {
    const failure = await fetchPaperMetadata(queue, arxiv.apiUrl, [{ id: '1234.12345', version: null }]).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(ArxivApiError);
    expect((failure as ArxivApiError).apiMessage).toBe('incorrect id format for 1234.12345');
    expect((failure as Error).message).toContain(`${arxiv.apiUrl}?id_list=1234.12345`);
  });
});
