import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArxivQueue, type ArxivQueue } from '../../src/arxiv/create-arxiv-queue.js';
import { listArxivCategory } from '../../src/arxiv/list-arxiv-category.js';
import { UsageError } from '../../src/errors/brief-error.js';
import { startFakeArxiv, type FakeArxiv } from '../fakes/fake-arxiv-server.js';

let arxiv: FakeArxiv;
let queue: ArxivQueue;

beforeEach(async () => {
  arxiv = await startFakeArxiv();
  queue = createArxivQueue({ minIntervalMs: 50, maxRetryAfterMs: 1000, userAgent: 'arxiv-brief/test' });
});

afterEach(async () => {
  await queue.close();
  await arxiv.close();
});

const EMPTY_PAGE_OF_500 = {
  status: 200,
  headers: { 'content-type': 'application/atom+xml' },
  body: `<feed xmlns="http://www.w3.org/2005/Atom"><opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">500</opensearch:totalResults></feed>`,
};

function addPapersOn(day: string, count: number, categories: string[], prefix: string): void {
  for (let index = 0; index < count; index++) {
    const minute = String(index).padStart(2, '0');
    arxiv.addPaper({ id: `${prefix}${String(index).padStart(2, '0')}`, categories, published: `${day}T10:${minute}:00Z` });
  }
}

describe('listArxivCategory', () => {
  it('sends the documented query and reads every page', async () => {
    addPapersOn('2025-09-10', 5, ['cs.LG'], '2509.100');
    addPapersOn('2025-09-10', 2, ['cs.CL', 'cs.AI'], '2509.200');
    addPapersOn('2025-09-10', 2, ['math.GT'], '2509.300');
    addPapersOn('2025-09-11', 2, ['cs.LG'], '2509.400');

    const papers = await listArxivCategory(queue, arxiv.apiUrl, ['cs.LG', 'cs.CL'], '2025-09-10', { pageSize: 3 });

    expect(arxiv.requests[0]?.query).toEqual({
      search_query: '(cat:cs.LG OR cat:cs.CL) AND submittedDate:[202509100000 TO 202509102359]',
      sortBy: 'submittedDate',
      sortOrder: 'ascending',
      start: '0',
      max_results: '3',
    });
    expect(arxiv.requests.map((request) => request.query.start)).toEqual(['0', '3', '6']);
    expect(papers.map((paper) => paper.id)).toEqual([
      '2509.10000',
      '2509.20000',
      '2509.10001',
      '2509.20001',
      '2509.10002',
      '2509.10003',
      '2509.10004',
    ]);
  });

  it('gives an empty list for a day without papers, in one request', async () => {
    expect(await listArxivCategory(queue, arxiv.apiUrl, ['hep-th'], '2025-09-10')).toEqual([]);
    expect(arxiv.requests).toHaveLength(1);
  });

  it('retries an empty page that arrives before the total is reached, and reads on to the end', async () => {
    addPapersOn('2025-09-10', 3, ['cs.LG'], '2509.100');
    arxiv.failNext('/api/', EMPTY_PAGE_OF_500);
    expect(await listArxivCategory(queue, arxiv.apiUrl, ['cs.LG'], '2025-09-10')).toHaveLength(3);
    expect(arxiv.requests).toHaveLength(2);
  });

  it('fails, naming the gap, when the pages stay empty before the total is reached', async () => {
    arxiv.failNext('/api/', EMPTY_PAGE_OF_500, 2);
    await expect(listArxivCategory(queue, arxiv.apiUrl, ['cs.LG'], '2025-09-10')).rejects.toThrow(/arXiv's API answered an empty page at result 1 of 500 .*try again later/);
  });

  it.each(['cs LG', 'cs.LG)', 'cat:cs.LG', '', 'CS.LG'])('refuses the category %j before any request', async (category) => {
    await expect(listArxivCategory(queue, arxiv.apiUrl, [category], '2025-09-10')).rejects.toThrow(UsageError);
    await expect(listArxivCategory(queue, arxiv.apiUrl, [category], '2025-09-10')).rejects.toThrow('is not an arXiv category');
    expect(arxiv.requests).toHaveLength(0);
  });

  it('accepts the category shapes arXiv uses', async () => {
    await listArxivCategory(queue, arxiv.apiUrl, ['hep-th', 'math.GT', 'physics.acc-ph', 'cond-mat.mes-hall', 'q-bio.NC'], '2025-09-10');
    expect(arxiv.requests).toHaveLength(1);
  });

  it('refuses an empty category list and a malformed day', async () => {
    await expect(listArxivCategory(queue, arxiv.apiUrl, [], '2025-09-10')).rejects.toThrow('no arXiv category given');
    await expect(listArxivCategory(queue, arxiv.apiUrl, ['cs.LG'], '2025-02-30')).rejects.toThrow(
      '"2025-02-30" is not a day: expected YYYY-MM-DD',
    );
    expect(arxiv.requests).toHaveLength(0);
  });
});
