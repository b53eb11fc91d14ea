import { Feed } from 'feed';
import { escapeHtml } from '../output/escape-html.js';
import type { EditionRecord } from './edition-record.js';

// Papers listed in full per feed item; a reader's feed stays small on a day of 300 papers.
const PAPERS_PER_ITEM = 30;

export interface ArchiveFeedOptions {
  /** The output folder as readers reach it (SUMMARIZE_PUBLIC_URL, else its file:// URL), without a trailing slash. */
  baseUrl: string;
  /** Newest editions kept. Default: 20. */
  limit?: number;
}

export interface ArchiveFeeds {
  /** `feed.xml` */
  atom: string;
  /** `rss.xml` */
  rss: string;
  /** `feed.json` */
  json: string;
}

/** Atom, RSS 2.0 and JSON Feed with one item per edition, newest first, each linking the web edition. */
export function renderArchiveFeeds(editions: readonly EditionRecord[], { baseUrl, limit = 20 }: ArchiveFeedOptions): ArchiveFeeds {
  const newest = [...editions].sort((left, right) => right.date.localeCompare(left.date)).slice(0, limit);
  const items = newest.map((edition) => describeEdition(edition, baseUrl));
  // The newest item's time, not the clock: the same editions give the same bytes.
  const updated = items.reduce((latest, item) => (item.date > latest ? item.date : latest), new Date(0));
  const feed = new Feed({
    id: `${baseUrl}/feed.xml`,
    title: 'arXiv Brief: daily papers',
    description: 'Five-point briefs, critiques and quizzes of the day’s arXiv papers.',
    link: `${baseUrl}/index.html`,
    language: 'en',
    updated,
    generator: 'arxiv-brief',
    feedLinks: { atom: `${baseUrl}/feed.xml`, rss: `${baseUrl}/rss.xml`, json: `${baseUrl}/feed.json` },
    author: { name: 'arxiv-brief' },
  });
  for (const { summary: _plainText, ...item } of items) feed.addItem(item);
  // JSON Feed's summary is plain text; the library gives it the HTML-escaped text the XML formats need.
  const json = JSON.parse(feed.json1()) as { items: Array<{ id: string; summary?: string }> };
  const summaries = new Map(items.map((item) => [item.id, item.summary]));
  for (const item of json.items) item.summary = summaries.get(item.id);
  return { atom: `${feed.atom1()}\n`, rss: `${feed.rss2()}\n`, json: `${JSON.stringify(json, null, 4)}\n` };
}

// --- internal ---

function describeEdition(edition: EditionRecord, baseUrl: string) {
  const url = `${baseUrl}/digests/${edition.date}.html`;
  const count = `${edition.papers.length} ${edition.papers.length === 1 ? 'paper' : 'papers'}`;
  const generatedTimes = edition.papers.map((paper) => Date.parse(paper.generatedAt)).filter((time) => Number.isFinite(time));
  const midnight = Date.parse(`${edition.date}T00:00:00Z`);
  const more = edition.papers.length - PAPERS_PER_ITEM;
  const summary =
    edition.papers.length === 0 ? 'No papers.' : `${count}: ${edition.papers.slice(0, PAPERS_PER_ITEM).map((paper) => paper.title).join('; ')}${more > 0 ? '; …' : ''}`;
  const papers = edition.papers.slice(0, PAPERS_PER_ITEM).map((paper) =>
    [
      '<li>',
      `<a href="${escapeHtml(`${baseUrl}/papers/${paper.stem}.html`)}"><strong>${escapeHtml(paper.title)}</strong></a>`,
      `<br>${escapeHtml(paper.authors.join(', '))}`,
      paper.reason === undefined ? '' : `<br><em>Why picked:</em> ${escapeHtml(paper.reason)}`,
      `<p>${escapeHtml(paper.summary.topicAndDomain)} ${escapeHtml(paper.summary.problem)}</p>`,
      '</li>',
    ].join(''),
  );
  return {
    id: url,
    link: url,
    title: `${edition.date} Papers`,
    date: new Date(generatedTimes.length > 0 ? Math.max(...generatedTimes) : Number.isFinite(midnight) ? midnight : 0),
    description: escapeHtml(summary),
    summary,
    content: `<p>${count} · <a href="${escapeHtml(url)}">read the edition</a></p><ol>${papers.join('')}</ol>${more > 0 ? `<p><a href="${escapeHtml(url)}">and ${more} more ${more === 1 ? 'paper' : 'papers'} in the edition</a></p>` : ''}`,
  };
}
