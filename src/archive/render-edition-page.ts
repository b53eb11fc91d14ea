import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Edition, EditionPaper, EditionRepeat } from '../edition/edition.js';
import { briefTldr } from '../output/brief-tldr.js';
import { formatAuthors } from '../output/format-authors.js';
import { editionLanguage, editionMessages } from '../edition/edition-messages.js';
import { getMessages, type Messages } from '../language/messages.js';
import { escapeHtml } from '../output/escape-html.js';
import { ARXIV_HOSTS, safeUrl } from '../text/safe-url.js';
import { renderEpisodePlayer } from './render-episode-player.js';
import { renderPage } from './render-page.js';
import { renderSummaryPoints } from './render-summary-points.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';

/**
 * `digests/<date>.html`, the web edition: per paper the five points, why it was picked, and a link to its page,
 * which holds the flowchart, critique and quiz. No images, so 300 papers still load quickly; `image` is only the
 * link preview's (og:image).
 */
export function renderEditionPage(edition: Edition, { image }: { image?: string | undefined } = {}): string {
  const count = edition.papers.length;
  const repeats = edition.repeats?.length ?? 0;
  const title = `arXiv Brief — ${edition.date}`;
  const language = editionLanguage(edition);
  const messages = editionMessages(edition);
  // The count is of papers in full; those shown before are counted apart, so neither number overstates the day.
  const repeatCount = repeats === 0 ? '' : ` · ${escapeHtml(messages.moreOnTheList(repeats))}`;
  const header = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="muted">${escapeHtml(messages.papers(count))}${repeatCount} · <a href="${escapeHtml(edition.date)}.md">Markdown</a> · <a href="${escapeHtml(edition.date)}.json">JSON</a></p>`,
    edition.episode === undefined ? '' : renderEpisodePlayer(edition.episode, { root: '../', language }),
    count === 0 ? `<p>${escapeHtml(messages.noPapersThisDay)}</p>` : renderContents(edition),
  ];
  const papers = [...edition.papers.map((paper, index) => renderPaper(paper, index + 1)), renderRepeats(edition.repeats ?? [], messages)];
  const scripts = edition.episode === undefined ? [] : ['assets/episode-player.js'];
  const description = count === 0 ? messages.noPapersOn(edition.date) : messages.ledBy(messages.papers(count), edition.papers[0]!.brief.paper.title, briefTldr(edition.papers[0]!.brief));
  return renderPage({ title, root: '../', description, body: [...header, ...papers].filter((part) => part !== '').join('\n'), scripts, image, language });
}

// --- internal ---

// The titles up front, each jumping to its paper further down: a day of 300 papers can be skimmed.
function renderContents(edition: Edition): string {
  const items = edition.papers.map(
    ({ brief }, index) => `<li><a href="#paper-${index + 1}">${escapeHtml(brief.paper.title)}</a><br><span class="tldr">${escapeHtml(briefTldr(brief))}</span></li>`,
  );
  return `<h2 class="contents-heading">${escapeHtml(editionMessages(edition).inThisIssue)}</h2>\n<ol class="contents">${items.join('')}</ol>`;
}

// Papers of the day's list shown in full before: each title links its brief, each date the edition that showed it.
function renderRepeats(repeats: readonly EditionRepeat[], messages: Messages): string {
  if (repeats.length === 0) return '';
  const items = repeats.map((repeat) => {
    const page = escapeHtml(`../papers/${toFileStem(repeat.id, repeat.version)}.html`);
    const date = escapeHtml(repeat.firstShown);
    return `<li><a href="${page}">${escapeHtml(repeat.title)}</a> <span class="muted">· ${escapeHtml(messages.firstShown)} <a href="${date}.html">${date}</a></span></li>`;
  });
  return `<section class="card" id="also-on-the-list">\n<h2>${escapeHtml(messages.alsoOnTodaysList)}</h2>\n<p class="muted">${escapeHtml(messages.shownBeforeNote)}</p>\n<ul>${items.join('')}</ul>\n</section>`;
}

function renderPaper({ brief, reason, styled }: EditionPaper, rank: number): string {
  const { paper } = brief;
  const page = escapeHtml(`../papers/${toFileStem(paper.id, paper.version)}.html`);
  const absUrl = safeUrl(paper.absUrl, ARXIV_HOSTS);
  const language = brief.generation.language;
  const messages = getMessages(language);
  const authors = formatAuthors(paper.authors, language);
  const warnings = brief.checks.warnings.length;
  return [
    `<article class="card" id="paper-${rank}">`,
    `<h2><a href="${page}">${escapeHtml(paper.title)}</a></h2>`,
    `<p class="muted">${escapeHtml(authors)}</p>`,
    `<p class="muted">${escapeHtml(paper.primaryCategory)}${absUrl === null ? '' : ` · <a href="${escapeHtml(absUrl)}">arXiv:${escapeHtml(paper.id)}</a>`}</p>`,
    reason === undefined ? '' : `<p class="reason"><strong>${escapeHtml(`${messages.whyPicked}${messages.colon.trimEnd()}`)}</strong> ${escapeHtml(reason)}</p>`,
    // In the edition's style, its text (figures stay on the paper's page); else the brief's five points.
    styled ? PROSE_STYLES[styled.style].renderHtml(styled.content, [], language) : renderSummaryPoints(brief.summary, language),
    warnings === 0 ? '' : `<p class="warning">⚠️ ${escapeHtml(messages.pointsToCheck(warnings))}</p>`,
    `<p class="more"><a href="${page}">${escapeHtml(messages.fullBrief)} →</a></p>`,
    '</article>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
