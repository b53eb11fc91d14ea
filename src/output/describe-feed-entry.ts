import { escapeHtml } from './escape-html.js';
import type { Edition } from './render-edition-html.js';
import { ARXIV_HOSTS, safeUrl } from './safe-url.js';

/** What an Atom entry and a JSON Feed item both say about one edition; `contentHtml` is HTML with every paper text escaped. */
export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  /** RFC 3339: the latest brief generation of the edition, or the edition's date at midnight UTC. */
  updated: string;
  summary: string;
  contentHtml: string;
}

export interface FeedOptions {
  /** Where the editions live, e.g. `https://example.org/briefs/`; an edition is `<siteUrl>/<date>.html`. */
  siteUrl: string;
  /** The feed's own URL; also its id. */
  feedUrl: string;
  title: string;
  /** Default: the newest entry's `updated` (so the same editions give the same bytes). */
  updated?: Date;
  /** Default: `arxiv-brief`. */
  author?: string;
  /** Newest editions kept. Default: 20. */
  limit?: number;
}

// The newest editions first, at most `limit`, each described once for both feed formats.
export function describeFeedEntries(editions: Edition[], options: FeedOptions): FeedEntry[] {
  return [...editions]
    .sort((left, right) => right.date.localeCompare(left.date))
    .slice(0, options.limit ?? 20)
    .map((edition) => describeFeedEntry(edition, options.siteUrl));
}

/** The feed's own `updated`: the option, else the newest entry's, else the Unix epoch for an empty feed. */
export function resolveFeedUpdated(entries: FeedEntry[], options: FeedOptions): string {
  if (options.updated !== undefined) return options.updated.toISOString();
  return entries.map((entry) => entry.updated).sort().at(-1) ?? new Date(0).toISOString();
}

// --- internal ---

function describeFeedEntry(edition: Edition, siteUrl: string): FeedEntry {
  const url = new URL(`${encodeURIComponent(edition.date)}.html`, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
  const titles = edition.briefs.map((brief) => brief.paper.title);
  const generatedTimes = edition.briefs
    .map((brief) => Date.parse(brief.generation.generatedAt))
    .filter((time) => Number.isFinite(time));
  const midnight = Date.parse(`${edition.date}T00:00:00Z`);
  const updated = new Date(generatedTimes.length > 0 ? Math.max(...generatedTimes) : Number.isFinite(midnight) ? midnight : 0).toISOString();
  const count = `${titles.length} ${titles.length === 1 ? 'paper' : 'papers'}`;

  const items = edition.briefs.map((brief) => {
    const absUrl = safeUrl(brief.paper.absUrl, ARXIV_HOSTS);
    const title = escapeHtml(brief.paper.title);
    return [
      '<li>',
      absUrl === null ? `<strong>${title}</strong>` : `<a href="${escapeHtml(absUrl)}"><strong>${title}</strong></a>`,
      `<br>${escapeHtml(brief.paper.authors.join(', '))}`,
      `<p>${escapeHtml(brief.summary.topicAndDomain)} ${escapeHtml(brief.summary.problem)}</p>`,
      '</li>',
    ].join('');
  });
  return {
    id: url,
    url,
    title: `${edition.date} Papers`,
    updated,
    summary: titles.length === 0 ? 'No papers.' : `${count}: ${titles.join('; ')}`,
    contentHtml: `<p>${count} · <a href="${escapeHtml(url)}">read the edition</a></p><ol>${items.join('')}</ol>`,
  };
}
