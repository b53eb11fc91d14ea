import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArxivQueue, type ArxivQueue } from '../../src/arxiv/create-arxiv-queue.js';
import { fetchAnnouncements } from '../../src/arxiv/fetch-announcements.js';
import { UsageError } from '../../src/errors/brief-error.js';
import { startFakeArxiv, type FakeArxiv } from '../fakes/fake-arxiv-server.js';

let arxiv: FakeArxiv;
let queue: ArxivQueue;

beforeEach(async () => {
  arxiv = await startFakeArxiv({ papers: [{ id: '2509.10001' }, { id: '2509.10002', categories: ['cs.CL'] }] });
  queue = createArxivQueue({ minIntervalMs: 0, maxRetryAfterMs: 1000, userAgent: 'test', backoffMs: 1 });
});

afterEach(async () => {
  await queue.close();
  await arxiv.close();
});

describe('fetchAnnouncements', () => {
  it('asks for all categories in one request and reads the day', async () => {
    arxiv.announce('2025-09-11', [
      { id: '2509.10001', type: 'new' },
      { id: '2509.10002', type: 'cross' },
    ]);

    const feed = await fetchAnnouncements(queue, arxiv.rssUrl, ['cs.LG', 'cs.CL']);

    expect(arxiv.requests.map((request) => request.path)).toEqual(['/rss/cs.LG+cs.CL']);
    expect(feed.date).toBe('2025-09-11');
    expect(feed.papers.map((paper) => [paper.id, paper.announceType])).toEqual([
      ['2509.10001', 'new'],
      ['2509.10002', 'cross'],
    ]);
  });

  it("turns rss.arxiv.org's HTTP 400 for an unknown category into a usage error naming it", async () => {
    const failure = await fetchAnnouncements(queue, arxiv.rssUrl, ['cs.LG', 'cs.QQ']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UsageError);
    expect((failure as Error).message).toMatch(/refused the categories cs\.LG, cs\.QQ \(HTTP 400: .*Bad subject class 'QQ'/);
  });

  it('takes an empty channel whose description reports an error as a usage error too', async () => {
    arxiv.failNext('/rss/', {
      status: 200,
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>error</title><description>Bad archive 'csx'. Valid archive names are: cs, math.</description></channel></rss>`,
    });
    await expect(fetchAnnouncements(queue, arxiv.rssUrl, ['csx.LG'])).rejects.toThrow(/refused the categories csx\.LG: Bad archive 'csx'/);
  });

  it('refuses a malformed category before any request', async () => {
    await expect(fetchAnnouncements(queue, arxiv.rssUrl, ['cs LG'])).rejects.toThrow(UsageError);
    expect(arxiv.requests).toHaveLength(0);
  });

  it("reports a server failure (after the queue's retries) as a run failure, not a usage error", async () => {
    arxiv.failNext('/rss/', { status: 500, body: 'oops' }, 4);
    const failure = await fetchAnnouncements(queue, arxiv.rssUrl, ['cs.LG']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(UsageError);
    expect((failure as Error).message).toMatch(/HTTP 500/);
  });
});
