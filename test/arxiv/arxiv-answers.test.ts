import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ArxivQueue, createArxivQueue } from '../../src/arxiv/create-arxiv-queue.js';
import { fetchAnnouncements } from '../../src/arxiv/fetch-announcements.js';
import { queryArxivApi } from '../../src/arxiv/query-arxiv-api.js';
import { downloadPdf } from '../../src/pdf/download-pdf.js';
import { type FakeArxiv, startFakeArxiv } from '../fakes/fake-arxiv-server.js';
import { makePaperPdf } from '../helpers/paper-pdf.js';

const CAPTCHA = { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html><head><title>Rate exceeded</title></head><body><h1>Please verify you are a human</h1></body></html>' };
let arxiv: FakeArxiv;
let queue: ArxivQueue;

beforeEach(async () => {
  arxiv = await startFakeArxiv({ papers: [{ id: '2509.08721', title: 'A Paper', published: '2025-09-10T12:00:00Z', pdf: await makePaperPdf('A Paper') }] });
  arxiv.announce('2025-09-10', [{ id: '2509.08721', type: 'new' }]);
  queue = createArxivQueue({ minIntervalMs: 0, maxRetryAfterMs: 1000, userAgent: 'arxiv-brief/test', backoffMs: 1 });
});
afterEach(async () => {
  await queue.close();
  await arxiv.close();
});

const byId = new URLSearchParams({ id_list: '2509.08721' });

describe("arXiv's answers", () => {
  it('sends an Accept header naming what it expects on every request: the API, the feed and the PDF', async () => {
    await queryArxivApi(queue, arxiv.apiUrl, byId);
    await fetchAnnouncements(queue, arxiv.rssUrl, ['cs.LG']);
    await downloadPdf(queue, arxiv.pdfUrl, '2509.08721', 1, { maxBytes: 10_000_000, timeoutMs: 5000 });
    expect(arxiv.requests.map((request) => request.headers.accept)).toEqual([
      expect.stringContaining('application/atom+xml'),
      expect.stringContaining('application/rss+xml'),
      expect.stringContaining('application/pdf'),
    ]);
  });

  it('retries a 406 like a 503', async () => {
    arxiv.failNext('/api/', { status: 406, body: 'Not Acceptable' });
    const feed = await queryArxivApi(queue, arxiv.apiUrl, byId);
    expect(feed.entries).toHaveLength(1);
    expect(arxiv.requests).toHaveLength(2);
  });

  it('retries an HTML page answered at 200 (a rate-limit or captcha page) instead of a feed', async () => {
    arxiv.failNext('/api/', CAPTCHA);
    expect((await queryArxivApi(queue, arxiv.apiUrl, byId)).entries).toHaveLength(1);
    arxiv.failNext('/rss/', CAPTCHA);
    expect((await fetchAnnouncements(queue, arxiv.rssUrl, ['cs.LG'])).papers).toHaveLength(1);
  });

  it('names the page when it gives up, not "not an Atom feed"', async () => {
    arxiv.failNext('/api/', CAPTCHA, 10);
    const error = await queryArxivApi(queue, arxiv.apiUrl, byId).catch((caught: Error) => caught);
    expect(String(error)).toMatch(/an HTML page instead of a feed .*"Rate exceeded Please verify you are a human"/);
    expect(String(error)).not.toContain('not an Atom feed');
    expect(arxiv.requests).toHaveLength(4);
  });
});
