import { createHash } from 'node:crypto';
import { getMessages } from '../language/messages.js';
import { escapeHtml } from '../output/escape-html.js';
import { type ArchivedIssue, getIssueFileStem } from './archived-issue.js';
import type { EditionRecord } from '../edition/edition-record.js';
import { renderPage } from './render-page.js';
import { ARCHIVE_SEARCH_SCRIPT } from '../search/archive-search-script.js';
import { SEARCH_FOLDER } from '../search/search-manifest.js';

// The newest titles shown per edition in the list.
const TITLES_SHOWN = 3;

/** The scripts the index loads, in order: the search manifest (a global, so `file://` works), then the search box, which loads the rest. */
export const ARCHIVE_SEARCH_SCRIPTS = [`${SEARCH_FOLDER}/manifest.js`, 'assets/archive-search.js'];

/** What the index lists of one edition. */
export interface ArchiveIndexEntry {
  date: string;
  paperCount: number;
  /** The first papers in rank order. */
  papers: Array<{ stem: string; title: string }>;
}

/** The index's line for an edition: its date, size and first titles. */
export function toArchiveIndexEntry(edition: EditionRecord): ArchiveIndexEntry {
  return {
    date: edition.date,
    paperCount: edition.papers.length,
    papers: edition.papers.slice(0, TITLES_SHOWN).map(({ stem, title }) => ({ stem, title })),
  };
}

/**
 * `index.html`: a search box over every brief, the issues of a month or week, then the editions of the newest
 * year, newest first, and a link to each earlier year's page: the page a first search loads stays small.
 */
export function renderArchiveIndex(
  editions: readonly ArchiveIndexEntry[],
  { image, issues = [], searchVersion, podcastFeed = false }: { image?: string | undefined; issues?: readonly ArchivedIssue[]; searchVersion?: string | undefined; podcastFeed?: boolean } = {},
): string {
  const newestYear = editions[0]?.date.slice(0, 4);
  const recent = editions.filter((edition) => edition.date.startsWith(newestYear ?? ''));
  const earlier = groupByYear(editions.filter((edition) => !edition.date.startsWith(newestYear ?? '')));
  const items = recent.map((edition) => renderEditionItem(edition, ''));
  const body = [
    '<h1>arXiv Brief</h1>',
    `<p class="muted">${editions.length} ${editions.length === 1 ? 'edition' : 'editions'}</p>`,
    ...(podcastFeed ? [`<p class="muted"><a href="podcast.xml" type="application/rss+xml">${escapeHtml(getMessages('en').subscribePodcast)}</a></p>`] : []),
    '<form class="search" role="search" id="search-form">',
    '<label for="search-input" class="point-label">Search every brief (title, authors, summary, critique)</label>',
    '<input type="search" id="search-input" name="q" autocomplete="off" placeholder="e.g. retrieval, diffusion, Lovelace">',
    '<p class="muted" id="search-status" aria-live="polite"></p>',
    '<button type="button" id="search-more" hidden>Show more</button>',
    '<ol id="search-results"></ol>',
    '</form>',
    ...(issues.length === 0
      ? []
      : [
          '<h2>Issues</h2>',
          `<ol class="editions">${issues.map((issue) => `<li lang="${escapeHtml(issue.language ?? 'en')}"><a href="issues/${escapeHtml(getIssueFileStem(issue))}.html"><strong>${escapeHtml(issue.title)}</strong></a> <span class="muted">· ${issue.papers.length} ${issue.papers.length === 1 ? 'paper' : 'papers'}</span></li>`).join('\n')}</ol>`,
        ]),
    '<h2>Editions</h2>',
    editions.length === 0 ? '<p>No editions yet.</p>' : `<ol class="editions">${items.join('\n')}</ol>`,
    ...(earlier.length === 0
      ? []
      : ['<h2>Earlier years</h2>', `<ul class="years">${earlier.map(([year, entries]) => `<li><a href="archive/${year}.html">${year}</a> <span class="muted">· ${entries.length} ${entries.length === 1 ? 'edition' : 'editions'}</span></li>`).join('')}</ul>`]),
  ];
  return renderPage({ title: 'arXiv Brief — all editions', root: '', body: body.join('\n'), scripts: withSearchVersion(searchVersion), image, podcastFeed });
}

/** `archive/<year>.html`: every edition of one year, newest first, with its first titles. */
export function renderArchiveYearPage(year: string, editions: readonly ArchiveIndexEntry[]): string {
  const body = [
    `<h1>arXiv Brief — ${escapeHtml(year)}</h1>`,
    `<p class="muted">${editions.length} ${editions.length === 1 ? 'edition' : 'editions'} · <a href="../index.html">the newest editions and search</a></p>`,
    `<ol class="editions">${editions.map((edition) => renderEditionItem(edition, '../')).join('\n')}</ol>`,
  ];
  return renderPage({ title: `arXiv Brief — ${year}`, root: '../', body: body.join('\n') });
}

/** The editions by year, newest year first, each year's editions in the order given. */
export function groupByYear(editions: readonly ArchiveIndexEntry[]): Array<[string, ArchiveIndexEntry[]]> {
  const years = new Map<string, ArchiveIndexEntry[]>();
  for (const edition of editions) {
    const year = edition.date.slice(0, 4);
    const list = years.get(year);
    if (list) list.push(edition);
    else years.set(year, [edition]);
  }
  return [...years].sort(([left], [right]) => right.localeCompare(left));
}

// --- internal ---

// The manifest changes with every publish under the same name: its hash in the URL keeps a cache from serving the old one.
// The search box's own version too: a browser must not run a cached older script against a newer manifest.
const SEARCH_SCRIPT_VERSION = createHash('sha256').update(ARCHIVE_SEARCH_SCRIPT).digest('hex').slice(0, 12);

function withSearchVersion(version: string | undefined): string[] {
  return ARCHIVE_SEARCH_SCRIPTS.map((script) => (script.endsWith('/manifest.js') ? (version === undefined ? script : `${script}?v=${version}`) : `${script}?v=${SEARCH_SCRIPT_VERSION}`));
}

function renderEditionItem(edition: ArchiveIndexEntry, root: '' | '../'): string {
  const count = edition.paperCount;
  const titles = edition.papers.map((paper) => `<li><a href="${root}papers/${escapeHtml(paper.stem)}.html">${escapeHtml(paper.title)}</a></li>`);
  const more = count > TITLES_SHOWN ? `<li><a href="${root}digests/${escapeHtml(edition.date)}.html">and ${count - TITLES_SHOWN} more</a></li>` : '';
  return [
    `<li><a href="${root}digests/${escapeHtml(edition.date)}.html"><strong>${escapeHtml(edition.date)}</strong></a> <span class="muted">· ${count} ${count === 1 ? 'paper' : 'papers'}</span>`,
    count === 0 ? '' : `<ul>${titles.join('')}${more}</ul>`,
    '</li>',
  ].join('');
}
