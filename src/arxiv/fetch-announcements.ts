import { UsageError } from '../errors/brief-error.js';
import type { ArxivQueue } from './create-arxiv-queue.js';
import { assertArxivCategories } from './list-arxiv-category.js';
import { parseAnnouncementFeed, type AnnouncementFeed } from './parse-announcement-feed.js';
import { SourceError } from './source-error.js';
import { previewBody } from '../http/preview-body.js';

const OK = 200;

/**
 * The latest announcement list of `categories`, in one request to `${rssUrl}/cs.LG+cs.CL` through the
 * polite arXiv queue. rss.arxiv.org answers a category it does not know with HTTP 400 ("Bad subject
 * class …"); an empty channel whose description reports an error is taken the same way: a usage error.
 */
export async function fetchAnnouncements(queue: ArxivQueue, rssUrl: string, categories: string[]): Promise<AnnouncementFeed & { url: string }> {
  assertArxivCategories(categories);
  const url = `${rssUrl}/${categories.join('+')}`;
  const response = await queue.fetch(url, { accept: 'application/rss+xml, application/xml;q=0.9' });
  const body = await response.text();
  // Only 400 means a category arXiv does not know; a 401, 404 or proxy refusal is a source failure, not a typo.
  if (response.status === 400) {
    throw new UsageError(`arXiv's announcement feed refused the categories ${categories.join(', ')} (HTTP ${response.status}: ${previewBody(body)}); check their spelling, e.g. cs.LG, hep-th, math.GT`);
  }
  if (response.status !== OK) throw new SourceError(url, `arXiv's announcement feed answered HTTP ${response.status} for ${url}; try again later`);
  const feed = parseAnnouncementFeed(body, url);
  if (feed.papers.length === 0 && /\b(error|invalid|bad|unknown)\b/i.test(feed.description)) {
    throw new UsageError(`arXiv's announcement feed refused the categories ${categories.join(', ')}: ${feed.description}; check their spelling, e.g. cs.LG, hep-th, math.GT`);
  }
  return { ...feed, url };
}
