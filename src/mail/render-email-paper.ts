import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import type { EditionPaper } from '../edition/edition.js';
import { stripControlCharacters } from '../text/strip-control-characters.js';
import { escapeHtml } from '../output/escape-html.js';
import { formatAuthors } from '../output/format-authors.js';
import { SUMMARY_POINTS } from '../output/summary-points.js';
import { inlineEmailCss } from './email-css.js';
import type { PaperLinks } from './resolve-paper-links.js';
import { truncateText } from './truncate-text.js';

/** The flowchart as the email shows it: an https URL or a `cid:` reference. */
export interface EmailFigure {
  src: string;
  /** Display width in CSS pixels (the `width` attribute Outlook needs). */
  width: number;
  alt: string;
}

const COMMENT_MAX_CHARS = 200;

// One paper in full, as HTML (styles inlined) and as plain text with the same content and links.
export function renderEmailPaper(paper: EditionPaper, position: number, links: PaperLinks, figure: EmailFigure | undefined): { html: string; text: string } {
  const { brief, reason } = paper;
  const authors = formatAuthors(brief.paper.authors);
  const comment = brief.paper.comment === undefined ? undefined : truncateText(brief.paper.comment.replace(/\s+/g, ' ').trim(), COMMENT_MAX_CHARS);
  const upvotes = brief.paper.upvotes === undefined ? undefined : `${brief.paper.upvotes} upvote${brief.paper.upvotes === 1 ? '' : 's'} on Hugging Face`;
  const extras = [comment, upvotes].filter((entry): entry is string => entry !== undefined && entry !== '');
  const label = `arXiv:${formatArxivId(brief.paper)} · ${brief.paper.primaryCategory}`;

  const html = [
    '<tr><td class="card">',
    `<p class="kicker">${position}. ${escapeHtml(label)}</p>`,
    `<h2 class="title"><a href="${escapeHtml(links.title)}">${escapeHtml(brief.paper.title)}</a></h2>`,
    `<p class="meta">${escapeHtml(authors)}</p>`,
    extras.length > 0 ? `<p class="meta">${escapeHtml(extras.join(' · '))}</p>` : '',
    `<p class="meta"><a href="${escapeHtml(links.abstract)}">arXiv</a>${links.pdf ? ` · <a href="${escapeHtml(links.pdf)}">PDF</a>` : ''}</p>`,
    reason ? `<p class="reason"><strong>Why picked:</strong> ${escapeHtml(reason)}</p>` : '',
    ...SUMMARY_POINTS.map(([key, heading]) => `<p class="point"><span class="point-label">${escapeHtml(heading)}:</span> ${escapeHtml(brief.summary[key])}</p>`),
    // width for Outlook; the CSS width lets phones shrink it, the max-width keeps a small chart from growing.
    figure ? `<img class="figure" src="${escapeHtml(figure.src)}" width="${figure.width}" alt="${escapeHtml(figure.alt)}" style="width:100%;max-width:${figure.width}px;">` : '',
    links.page ? `<p class="more"><a href="${escapeHtml(links.page)}">Full brief, flowchart and quiz →</a></p>` : '',
    '</td></tr>',
  ].filter((line) => line !== '');

  const text = [
    `${position}. ${brief.paper.title}`,
    `   ${links.title}`,
    `   ${authors}`,
    ...extras.map((extra) => `   ${extra}`),
    `   arXiv: ${links.abstract}${links.pdf ? `  PDF: ${links.pdf}` : ''}`,
    ...(reason ? [`   Why picked: ${reason}`] : []),
    '',
    ...SUMMARY_POINTS.map(([key, heading]) => `   ${heading}: ${brief.summary[key]}`),
    ...(links.page ? ['', `   Full brief, flowchart and quiz: ${links.page}`] : []),
  ];
  return { html: inlineEmailCss(html.join('\n')), text: `${text.map(toPlainLine).join('\n')}\n` };
}

// --- internal ---


// Control characters from a paper would garble a terminal or mail reader; line breaks inside a field too.
function toPlainLine(line: string): string {
  return stripControlCharacters(line).replace(/[\r\n]+/g, ' ');
}
