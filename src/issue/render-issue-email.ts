import { escapeHtml } from '../output/escape-html.js';
import { inlineEmailCss } from '../mail/email-css.js';
import { EMAIL_GAP_ROW, renderEmailDocument } from '../mail/email-document.js';
import type { EmailEdition } from '../mail/render-email-edition.js';
import { resolvePaperLinks, toHttpsBase } from '../mail/resolve-paper-links.js';
import { truncateText } from '../mail/truncate-text.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';
import { describeIssueAuthorship, type Issue } from './issue.js';

/**
 * The issue as mail: the introduction and each paper's text in cards, every link absolute https.
 * Mail shows no figures inline (they are linked from the web page), so a commentary's figures read as their paragraphs.
 */
export function renderIssueEmail(issue: Issue, options: { publicUrl?: string | undefined; unsubscribe?: string | undefined } = {}): EmailEdition {
  const base = toHttpsBase(options.publicUrl);
  const title = `arXiv Brief — ${issue.record.title}`;
  const webUrl = base === undefined ? undefined : `${base}/issues/${encodeURIComponent(issue.record.period)}.html`;
  const webLink = webUrl ? ` <a href="${escapeHtml(webUrl)}">Read it on the web</a>.` : '';
  const header = inlineEmailCss(`<tr><td class="card"><h1 class="masthead">${escapeHtml(title)}</h1><p class="kicker">${issue.papers.length} papers.${webLink}</p><p>${escapeHtml(issue.record.introduction.text)}</p></td></tr>`);
  const cards = issue.papers.map(({ brief, text }) => {
    const links = resolvePaperLinks(brief, options.publicUrl);
    const prose = PROSE_STYLES[text.style].renderHtml(text.content, []);
    return inlineEmailCss(`<tr><td class="card"><h2 class="title"><a href="${escapeHtml(links.title)}">${escapeHtml(brief.paper.title)}</a></h2>${prose}</td></tr>`);
  });
  const unsubscribeLink = options.unsubscribe ? ` <a href="${escapeHtml(options.unsubscribe)}">Unsubscribe</a>.` : '';
  const footer = inlineEmailCss(`<tr><td class="footer">${escapeHtml(describeIssueAuthorship(issue))} Check the paper before citing it.${unsubscribeLink}</td></tr>`);
  const document = renderEmailDocument(title, truncateText(issue.record.introduction.text, 150));
  const html = [document.open, header, ...cards.flatMap((card) => [EMAIL_GAP_ROW, card]), EMAIL_GAP_ROW, footer, document.close].join('\n');
  const text = [
    title,
    '='.repeat(title.length),
    webUrl ? `On the web: ${webUrl}` : '',
    '',
    issue.record.introduction.text,
    '',
    ...issue.papers.flatMap(({ brief, text: styled }) => [brief.paper.title, resolvePaperLinks(brief, options.publicUrl).title, '', ...PROSE_STYLES[styled.style].listTexts(styled.content), '']),
    describeIssueAuthorship(issue),
    options.unsubscribe ? `Unsubscribe: ${options.unsubscribe}` : '',
  ].join('\n');
  return { html, text: `${text.trimEnd()}\n`, images: [], shownInFull: issue.papers.length };
}
