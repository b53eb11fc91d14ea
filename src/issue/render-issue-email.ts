import { getIssueFileStem } from '../archive/archived-issue.js';
import { getMessages, type Messages } from '../language/messages.js';
import { escapeHtml } from '../output/escape-html.js';
import { inlineEmailCss } from '../mail/email-css.js';
import { EMAIL_GAP_ROW, renderEmailDocument } from '../mail/email-document.js';
import { EMAIL_HTML_MAX_BYTES, type EmailEdition, measureSentBytes } from '../mail/render-email-edition.js';
import { resolvePaperLinks, toHttpsBase } from '../mail/resolve-paper-links.js';
import { truncateText } from '../text/truncate-text.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';
import { describeIssueAuthorship, type Issue } from './issue.js';
import { toPaperByline } from './paper-byline.js';

/**
 * The issue as mail: the introduction, the contents, then each paper's byline and text in cards, every link absolute
 * https. A commentary's figures are shown from the public URL; without one they read as their paragraphs.
 */
export function renderIssueEmail(issue: Issue, options: { publicUrl?: string | undefined; unsubscribe?: string | undefined } = {}): EmailEdition {
  const base = toHttpsBase(options.publicUrl);
  const title = `arXiv Brief — ${issue.record.title}`;
  const webUrl = base === undefined ? undefined : `${base}/issues/${encodeURIComponent(getIssueFileStem(issue.record))}.html`;
  // The words around the texts in the issue's language, as in the daily email.
  const messages = getMessages(issue.record.language);
  const { colon, fullStop } = messages;
  const webLink = webUrl ? ` <a href="${escapeHtml(webUrl)}">${escapeHtml(messages.readOnTheWeb)}</a>${escapeHtml(fullStop)}` : '';
  const renderHeader = (contents: string) =>
    inlineEmailCss(
      `<tr><td class="card"><h1 class="masthead">${escapeHtml(title)}</h1><p class="kicker">${escapeHtml(`${messages.papers(issue.papers.length)}${fullStop}`)}${webLink}</p><p>${escapeHtml(issue.record.introduction.text)}</p>` +
        `<h2 class="contents-heading">${escapeHtml(messages.inThisIssue)}</h2><ol class="contents">${contents}</ol></td></tr>`,
    );
  const unsubscribeLink = options.unsubscribe ? ` <a href="${escapeHtml(options.unsubscribe)}">${escapeHtml(messages.unsubscribe)}</a>${escapeHtml(fullStop)}` : '';
  const footer = inlineEmailCss(`<tr><td class="footer">${escapeHtml(`${describeIssueAuthorship(issue)} ${messages.checkPaperBeforeCiting}`)}${unsubscribeLink}</td></tr>`);
  const document = renderEmailDocument(title, truncateText(issue.record.introduction.text, 150), issue.record.language);
  const papers = issue.papers.map(({ brief, text }, index) => {
    const links = resolvePaperLinks(brief, options.publicUrl);
    const byline = toPaperByline(brief);
    const figures = base === undefined ? [] : (text.figures?.shown ?? []).map((figure) => ({ ...figure, file: `${base}/papers/${figure.file}` }));
    // Outlook desktop ignores max-width: the width attribute keeps a 1,200 px figure inside the column.
    const prose = PROSE_STYLES[text.style].renderHtml(text.content, figures, issue.record.language).replaceAll('<img ', `<img width="${EMAIL_FIGURE_WIDTH}" `);
    const card = inlineEmailCss(
      `<tr><td class="card" id="paper-${index + 1}"><h2 class="title"><a href="${escapeHtml(links.title)}">${escapeHtml(brief.paper.title)}</a></h2>` +
        `<p class="meta">${escapeHtml(byline.authors)} · <a href="${escapeHtml(byline.arxivUrl)}">${escapeHtml(byline.arxivLabel)}</a></p>${prose}</td></tr>`,
    );
    const entry = `<li><a href="${escapeHtml(links.title)}">${escapeHtml(brief.paper.title)}</a></li>`;
    return { card, entry, contentsInFull: `<li><a href="#paper-${index + 1}">${escapeHtml(brief.paper.title)}</a></li>` };
  });
  // Gmail clips past 102 KB as sent: papers in full while they fit with the list of the rest, then that list of linked titles.
  const budget = EMAIL_HTML_MAX_BYTES - BUDGET_MARGIN_BYTES;
  // The contents are counted at their longest, every entry a link to the web; a paper shown in full jumps down instead.
  let used = measureSentBytes([document.open, renderHeader(papers.map((paper) => paper.entry).join('')), EMAIL_GAP_ROW, footer, document.close].join('\n'));
  let shownInFull = 0;
  for (const [index, paper] of papers.entries()) {
    const rest = papers.slice(index + 1).map((entry) => entry.entry).join('');
    const cost = measureSentBytes(paper.card) + (rest === '' ? 0 : measureSentBytes(renderRest(rest, webUrl, messages)));
    if (used + cost >= budget) break;
    used += measureSentBytes(paper.card);
    shownInFull += 1;
  }
  const rest = papers.slice(shownInFull).map((entry) => entry.entry).join('');
  const rows = [...papers.slice(0, shownInFull).map((paper) => paper.card), ...(rest === '' ? [] : [renderRest(rest, webUrl, messages)])];
  const header = renderHeader(papers.map((paper, index) => (index < shownInFull ? paper.contentsInFull : paper.entry)).join(''));
  const html = [document.open, header, ...rows.flatMap((row) => [EMAIL_GAP_ROW, row]), EMAIL_GAP_ROW, footer, document.close].join('\n');
  const text = [
    title,
    '='.repeat(title.length),
    webUrl ? `${messages.onTheWeb}${colon}${webUrl}` : '',
    '',
    issue.record.introduction.text,
    '',
    `${messages.inThisIssue}${colon.trimEnd()}`,
    ...issue.papers.map(({ brief }, index) => `${index + 1}. ${brief.paper.title}`),
    '',
    ...issue.papers.flatMap(({ brief, text: styled }) => {
      const byline = toPaperByline(brief);
      return [brief.paper.title, `${byline.authors} · ${byline.arxivLabel} ${byline.arxivUrl}`, resolvePaperLinks(brief, options.publicUrl).title, '', ...PROSE_STYLES[styled.style].listTexts(styled.content), ''];
    }),
    describeIssueAuthorship(issue),
    options.unsubscribe ? `${messages.unsubscribe}${colon}${options.unsubscribe}` : '',
  ].join('\n');
  return { html, text: `${text.trimEnd()}\n`, images: [], shownInFull };
}

// --- internal ---

// The 600 px column less the card's padding and border.
const EMAIL_FIGURE_WIDTH = 566;

// The composer's soft line breaks and the per-reader unsubscribe link may add a little: the budget keeps this much spare.
const BUDGET_MARGIN_BYTES = 4_000;

function renderRest(entries: string, webUrl: string | undefined, messages: Messages): string {
  const where = webUrl ? ` <a href="${escapeHtml(webUrl)}">${escapeHtml(messages.wholeIssueOnWeb)}</a>` : '';
  return inlineEmailCss(`<tr><td class="card"><h2 class="title">${escapeHtml(messages.moreInThisIssue)}</h2><ul>${entries}</ul><p class="meta">${where}</p></td></tr>`);
}
