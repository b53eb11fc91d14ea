import type { EditionPaper } from '../edition/edition.js';
import { stripControlCharacters } from '../text/strip-control-characters.js';
import { briefTldr } from '../output/brief-tldr.js';
import { escapeHtml } from '../output/escape-html.js';
import { formatAuthors } from '../output/format-authors.js';
import { getMessages, type Messages } from '../language/messages.js';
import { listSummaryPoints } from '../output/summary-points.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';
import { inlineEmailCss } from './email-css.js';
import type { PaperLinks } from './resolve-paper-links.js';
import { truncateText } from '../text/truncate-text.js';

/** The flowchart as the email shows it: an https URL or a `cid:` reference. */
export interface EmailFigure {
  src: string;
  /** Display width in CSS pixels (the `width` attribute Outlook needs). */
  width: number;
  alt: string;
}

/** Why a paper is in a reader's own copy, shown under its title; `outside` marks a pick from outside their usual topics. */
export interface ReaderLine {
  reason: string;
  outside: boolean;
}

const COMMENT_MAX_CHARS = 200;

// One paper as a compact card, as HTML (styles inlined) and as plain text with the same content and links;
// `contents` is its line of "In this issue", measured with the card so the size budget counts both.
export function renderEmailPaper(
  paper: EditionPaper,
  position: number,
  links: PaperLinks,
  figure: EmailFigure | undefined,
  feedbackUrl?: string,
  readerLine?: ReaderLine,
): { html: string; text: string; contents: { html: string; text: string } } {
  const { brief } = paper;
  const language = brief.generation.language;
  const messages = getMessages(language);
  const authors = formatAuthors(brief.paper.authors, language);
  const tldr = briefTldr(brief);
  const comment = brief.paper.comment === undefined ? undefined : truncateText(brief.paper.comment.replace(/\s+/g, ' ').trim(), COMMENT_MAX_CHARS);
  const upvotes = brief.paper.upvotes === undefined ? undefined : messages.upvotesOnHuggingFace(brief.paper.upvotes);
  // Ranked by upvotes, "Why picked: 42 upvotes" would repeat the line above it: the reason then says nothing new.
  const reason = paper.reason !== undefined && upvotes !== undefined && /^\d+ upvotes?$/.test(paper.reason) ? undefined : paper.reason;
  const extras = [comment, upvotes].filter((entry): entry is string => entry !== undefined && entry !== '');
  const label = brief.paper.primaryCategory;
  const points = listSummaryPoints(language);
  const colon = messages.colon;
  // 👍/👎 need no words in any language; each reader's copy signs them for its reader (signFeedbackLinks).
  const feedback: Array<[string, string]> = feedbackUrl === undefined ? [] : (['up', 'down'] as const).map((vote) => [vote === 'up' ? '👍' : '👎', `${feedbackUrl}?paper=${brief.paper.id}&vote=${vote}`]);
  const linkList = [...listLinks(links, messages), ...feedback];
  const readerReason = readerLine === undefined ? undefined : describeReaderLine(readerLine, messages);

  const html = [
    `<tr><td class="card" id="paper-${position}">`,
    // Without a web page to show it, the flowchart comes as a thumbnail beside the points; else the page has it at full size.
    figure && links.page === undefined ? renderThumbnail(figure) : '',
    `<h2 class="title"><a href="${escapeHtml(links.title)}">${position}. ${escapeHtml(brief.paper.title)}</a></h2>`,
    readerReason === undefined ? '' : READER_LINE_MARK,
    `<p class="meta">${escapeHtml([authors, label, ...extras].join(' · '))}${reason ? ` · <b>${escapeHtml(`${messages.whyPicked}${colon.trimEnd()}`)}</b> ${escapeHtml(reason)}` : ''}</p>`,
    `<p class="tldr">${escapeHtml(tldr)}</p>`,
    // In the edition's style, its prose; else the five points as one paragraph, each led by its emoji (its name on hover).
    paper.styled ? PROSE_STYLES[paper.styled.style].renderHtml(paper.styled.content, [], language) : `<p class="points">${points.map(([key, heading]) => renderPoint(heading, brief.summary[key])).join(' ')}</p>`,
    `<p class="links">${linkList.map(([name, url]) => `<a href="${escapeHtml(url)}">${escapeHtml(name)}${url === links.page ? ' →' : ''}</a>`).join(' · ')}</p>`,
    '</td></tr>',
  ].filter((line) => line !== '');

  const text = [
    `${position}. ${brief.paper.title}`,
    ...(readerReason === undefined ? [] : [`   ${readerReason}`]),
    `   ${links.title}`,
    `   ${authors}`,
    ...extras.map((extra) => `   ${extra}`),
    `   ${messages.tldr}${colon}${tldr}`,
    ...(reason ? [`   ${messages.whyPicked}${colon}${reason}`] : []),
    '',
    ...(paper.styled ? PROSE_STYLES[paper.styled.style].listTexts(paper.styled.content).map((text) => `   ${text}\n`) : points.map(([key, heading]) => `   ${heading}${colon}${brief.summary[key]}`)),
    '',
    ...linkList.map(([name, url]) => `   ${name}${colon}${url}`),
  ];
  const contents = {
    // Inherits its styles from the list; the link alone needs its colour inline.
    html: `<li><a href="#paper-${position}" style="${CONTENTS_LINK_STYLE}">${escapeHtml(brief.paper.title)}</a> — ${escapeHtml(tldr)}</li>`,
    text: toPlainLine(`${position}. ${brief.paper.title} — ${tldr}`),
  };
  // The reader's line goes in after the card is inlined: the card itself is then the same in every copy, and inlined once.
  const card = inlineEmailCss(html.join('\n'));
  const withReason = readerReason === undefined ? card : card.replace(READER_LINE_MARK, inlineEmailCss(`<p class="reason">${escapeHtml(readerReason)}</p>`));
  return { html: withReason, text: `${text.map(toPlainLine).join('\n')}\n`, contents };
}

// --- internal ---

const THUMBNAIL_WIDTH = 96;
const READER_LINE_MARK = '<!--reader-line-->';
const READER_REASON_MAX_CHARS = 120;

// "Outside your usual · popular today": one short line, however long the liked paper's title is.
function describeReaderLine(line: ReaderLine, messages: Messages): string {
  const reason = truncateText(line.reason.replace(/\s+/g, ' ').trim(), READER_REASON_MAX_CHARS);
  if (!line.outside) return reason;
  // The ranking may give the mark itself as the reason: said once, in the edition's language.
  return reason === '' || /^outside your usual$/i.test(reason) ? messages.outsideYourUsual : `${messages.outsideYourUsual} · ${reason}`;
}

function renderPoint(heading: string, text: string): string {
  const [emoji, ...name] = heading.split(' ');
  return `<b title="${escapeHtml(name.join(' '))}">${escapeHtml(emoji ?? '')}</b>&nbsp;${escapeHtml(text)}`;
}
const CONTENTS_LINK_STYLE = 'color:#1d4ed8;font-weight:700;text-decoration:none;';

function renderThumbnail(figure: EmailFigure): string {
  const width = Math.min(THUMBNAIL_WIDTH, figure.width);
  // align="right": the one float that Outlook, Gmail and Apple Mail all honour.
  return `<img class="thumbnail" src="${escapeHtml(figure.src)}" width="${width}" align="right" alt="${escapeHtml(figure.alt)}">`;
}

// arXiv, PDF, code, project page and the full brief: every place a reader may go next, on one line.
function listLinks(links: PaperLinks, messages: Messages): Array<[string, string]> {
  const all: Array<[string, string | undefined]> = [
    ['arXiv', links.abstract],
    ['PDF', links.pdf],
    [messages.code, links.code],
    [messages.projectPage, links.project],
    [messages.fullBrief, links.page],
  ];
  return all.filter((entry): entry is [string, string] => entry[1] !== undefined);
}

// Control characters from a paper would garble a terminal or mail reader; line breaks inside a field too.
function toPlainLine(line: string): string {
  return stripControlCharacters(line).replace(/[\r\n]+/g, ' ');
}
