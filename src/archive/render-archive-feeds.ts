import { Feed } from 'feed';
import { escapeHtml } from '../output/escape-html.js';
import { type ArchivedIssue, getIssueFileStem } from './archived-issue.js';
import type { EditionRecord } from '../edition/edition-record.js';

// Papers listed in full per feed item; a reader's feed stays small on a day of 300 papers.
const PAPERS_PER_ITEM = 30;

export interface ArchiveFeedOptions {
  /** The output folder as readers reach it (SUMMARIZE_PUBLIC_URL without its login), without a trailing slash. Default: links relative to the feed, which sits in that folder. */
  baseUrl?: string | undefined;
  /** Newest editions kept. Default: 20. */
  limit?: number;
  /** The issues of a month or week, each an item too. */
  issues?: readonly ArchivedIssue[];
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
export function renderArchiveFeeds(editions: readonly EditionRecord[], { baseUrl, limit = 20, issues = [] }: ArchiveFeedOptions): ArchiveFeeds {
  const newest = [...editions].sort((left, right) => right.date.localeCompare(left.date)).slice(0, limit);
  const link = (path: string) => `${baseUrl ?? RELATIVE_BASE}/${path}`;
  const items = [...newest.map((edition) => describeEdition(edition, link)), ...issues.slice(0, limit).map((issue) => describeIssue(issue, link))].sort(
    (left, right) => right.published.getTime() - left.published.getTime(),
  );
  // The newest item's time, not the clock: the same editions give the same bytes.
  const updated = items.reduce((latest, item) => (item.date > latest ? item.date : latest), new Date(0));
  const feed = new Feed({
    id: FEED_ID,
    title: 'arXiv Brief: daily papers',
    description: 'Five-point briefs, critiques and quizzes of the day’s arXiv papers.',
    link: link('index.html'),
    language: 'en',
    updated,
    generator: 'arxiv-brief',
    feedLinks: { atom: link('feed.xml'), rss: link('rss.xml'), json: link('feed.json') },
    author: { name: 'arxiv-brief' },
  });
  for (const { summary: _plainText, plainTitle: _plainTitle, ...item } of items) feed.addItem(item);
  // JSON Feed's title and summary are plain text; the library gives them the HTML-escaped text the XML formats need.
  const { version: _version, items: jsonItems, ...feedFields } = JSON.parse(feed.json1()) as { version: string; author?: object; items: Array<{ id: string; title?: string; summary?: string }> };
  const plainTexts = new Map(items.map((item) => [item.id, item]));
  for (const item of jsonItems) {
    item.title = plainTexts.get(item.id)?.plainTitle;
    item.summary = plainTexts.get(item.id)?.summary;
  }
  // The library writes JSON Feed 1.0; 1.1 adds `authors` and `language` (`author` stays for 1.0 readers, as 1.1 allows).
  const json = { version: JSON_FEED_VERSION, ...feedFields, authors: feedFields.author === undefined ? [] : [feedFields.author], language: feed.options.language, items: jsonItems };
  const relative = (text: string) => (baseUrl === undefined ? text.replaceAll(`${RELATIVE_BASE}/`, '') : text);
  return { atom: relative(`${feed.atom1()}\n`), rss: relative(`${feed.rss2()}\n`), json: relative(`${JSON.stringify(json, null, 4)}\n`) };
}

// --- internal ---

// Ids name the edition, not where it is published: a feed reader keeps its read marks when SUMMARIZE_PUBLIC_URL is set or moved.
const FEED_ID = 'urn:arxiv-brief:feed';
const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';
// The feed library takes absolute URLs only; without a public URL, links are made under this one and then cut to relative.
const RELATIVE_BASE = 'https://relative.arxiv-brief.invalid';

function describeEdition(edition: EditionRecord, link: (path: string) => string) {
  const url = link(`digests/${edition.date}.html`);
  const count = `${edition.papers.length} ${edition.papers.length === 1 ? 'paper' : 'papers'}`;
  const generatedTimes = edition.papers.map((paper) => Date.parse(paper.generatedAt)).filter((time) => Number.isFinite(time));
  const midnight = Date.parse(`${edition.date}T00:00:00Z`);
  const more = edition.papers.length - PAPERS_PER_ITEM;
  const summary =
    edition.papers.length === 0 ? 'No papers.' : `${count}: ${edition.papers.slice(0, PAPERS_PER_ITEM).map((paper) => paper.title).join('; ')}${more > 0 ? '; …' : ''}`;
  const papers = edition.papers.slice(0, PAPERS_PER_ITEM).map((paper) =>
    [
      '<li>',
      `<a href="${escapeHtml(link(`papers/${paper.stem}.html`))}"><strong>${escapeHtml(paper.title)}</strong></a>`,
      `<br>${escapeHtml(paper.authors.join(', '))}`,
      paper.reason === undefined ? '' : `<br><em>Why picked:</em> ${escapeHtml(paper.reason)}`,
      `<p>${escapeHtml(paper.summary.topicAndDomain)} ${escapeHtml(paper.summary.problem)}</p>`,
      '</li>',
    ].join(''),
  );
  const lead = edition.papers[0] === undefined ? '' : `, led by ${edition.papers[0].title}`;
  const title = `${edition.date}: ${edition.papers.length === 0 ? 'no papers' : count}${lead}`;
  const published = new Date(Number.isFinite(midnight) ? midnight : 0);
  return {
    id: `${FEED_ID}:edition:${edition.date}`,
    link: url,
    title: escapeHtml(title),
    plainTitle: title,
    // Published on the edition's day; updated when its briefs were last written (a republished edition shows as updated).
    published,
    date: generatedTimes.length > 0 ? new Date(Math.max(...generatedTimes, published.getTime())) : published,
    description: escapeHtml(summary),
    summary,
    content: `<p>${count} · <a href="${escapeHtml(url)}">read the edition</a></p><ol>${papers.join('')}</ol>${more > 0 ? `<p><a href="${escapeHtml(url)}">and ${more} more ${more === 1 ? 'paper' : 'papers'} in the edition</a></p>` : ''}`,
  };
}

function describeIssue(issue: ArchivedIssue, link: (path: string) => string) {
  const url = link(`issues/${getIssueFileStem(issue)}.html`);
  const count = `${issue.papers.length} ${issue.papers.length === 1 ? 'paper' : 'papers'}`;
  const title = `${issue.title}: ${count}${issue.papers[0] === undefined ? '' : `, led by ${issue.papers[0].title}`}`;
  const published = new Date(issue.introduction.generatedAt);
  const papers = issue.papers.map((paper) => `<li><a href="${escapeHtml(link(`papers/${paper.stem}.html`))}">${escapeHtml(paper.title)}</a></li>`);
  return {
    id: `${FEED_ID}:issue:${getIssueFileStem(issue)}`,
    link: url,
    title: escapeHtml(title),
    plainTitle: title,
    published,
    date: published,
    description: escapeHtml(issue.introduction.text),
    summary: issue.introduction.text,
    content: `<p>${escapeHtml(issue.introduction.text)}</p><p><a href="${escapeHtml(url)}">read the issue</a></p><ol>${papers.join('')}</ol>`,
  };
}
