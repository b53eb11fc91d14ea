import { describeFeedEntries, resolveFeedUpdated, type FeedOptions } from './describe-feed-entry.js';
import { escapeHtml } from './escape-html.js';
import type { Edition } from './render-edition-html.js';

// An RFC 4287 Atom feed with one entry per edition, newest first; every text node and attribute is XML-escaped.
export function renderAtomFeed(editions: Edition[], options: FeedOptions): string {
  const entries = describeFeedEntries(editions, options);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeHtml(options.feedUrl)}</id>`,
    `  <title>${escapeHtml(options.title)}</title>`,
    `  <updated>${resolveFeedUpdated(entries, options)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeHtml(options.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeHtml(options.siteUrl)}"/>`,
    `  <author><name>${escapeHtml(options.author ?? 'arxiv-brief')}</name></author>`,
    '  <generator>arxiv-brief</generator>',
    ...entries.flatMap((entry) => [
      '  <entry>',
      `    <id>${escapeHtml(entry.id)}</id>`,
      `    <title>${escapeHtml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeHtml(entry.url)}"/>`,
      `    <updated>${entry.updated}</updated>`,
      `    <summary type="text">${escapeHtml(entry.summary)}</summary>`,
      `    <content type="html">${escapeHtml(entry.contentHtml)}</content>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}
