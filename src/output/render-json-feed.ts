import { describeFeedEntries, type FeedOptions } from './describe-feed-entry.js';
import type { Edition } from './render-edition-html.js';

// A JSON Feed 1.1 document with one item per edition, newest first.
export function renderJsonFeed(editions: Edition[], options: FeedOptions): string {
  const entries = describeFeedEntries(editions, options);
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: options.title,
    home_page_url: options.siteUrl,
    feed_url: options.feedUrl,
    authors: [{ name: options.author ?? 'arxiv-brief' }],
    language: 'en',
    items: entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.contentHtml,
      date_published: entry.updated,
      date_modified: entry.updated,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
