import type { ArxivQueue } from '../arxiv/create-arxiv-queue.js';
import { fetchAnnouncements } from '../arxiv/fetch-announcements.js';
import { ENV_NAMES } from '../config/config-schema.js';
import type { CheckResult } from './check-result.js';
import { describeArxivFailure } from './describe-arxiv-failure.js';

/** One read of the announcement feed (`--source arxiv` without `--date`), through the polite queue. */
export async function checkAnnouncementFeed(queue: ArxivQueue, rssUrl: string, timeoutMs: number): Promise<CheckResult> {
  const base = { id: 'arxiv-rss', title: 'arXiv announcement feed' };
  const host = new URL(rssUrl).host;
  try {
    const feed = await fetchAnnouncements(queue, rssUrl, ['cs.LG']);
    return { ...base, status: 'ok', message: `${host} answers (cs.LG: ${feed.papers.length} announced${feed.date ? ` on ${feed.date}` : ''})` };
  } catch (error) {
    return { ...base, status: 'failed', ...describeArxivFailure(error, rssUrl, ENV_NAMES.arxivRssUrl, timeoutMs) };
  }
}
