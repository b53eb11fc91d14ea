import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Flowchart } from '../brief/flowchart-schema.js';
import type { Edition } from '../edition/edition.js';
import { editionLanguage, editionMessages } from '../edition/edition-messages.js';
import type { Messages } from '../language/messages.js';
import { escapeHtml } from '../output/escape-html.js';
import { renderFlowchartSvg } from '../output/flowchart/render-flowchart-svg.js';
import { inlineEmailCss } from './email-css.js';
import { EMAIL_GAP_ROW, renderEmailDocument } from './email-document.js';
import type { ReaderCopyPlan } from './reader-copy-plan.js';
import { type EmailFigure, type ReaderLine, renderEmailPaper } from './render-email-paper.js';
import { renderOverflowBlock, renderOverflowEntry } from './render-email-overflow.js';
import { renderRepeatEntry, renderRepeatsBlock } from './render-email-repeats.js';
import { resolvePaperLinks, toHttpsBase } from './resolve-paper-links.js';
import { truncateText } from '../text/truncate-text.js';
import * as quotedPrintable from 'nodemailer/lib/qp';

/** Gmail clips messages above 102 KB of HTML; we stay under 100,000 bytes. */
export const EMAIL_HTML_MAX_BYTES = 100_000;

export interface RenderEmailEditionOptions {
  /** Where the output folder is published; links and images point there when it is https. */
  publicUrl?: string | undefined;
  /** The `List-Unsubscribe` target, also linked in the footer. */
  unsubscribe?: string | undefined;
  /** Default: EMAIL_HTML_MAX_BYTES. */
  maxHtmlBytes?: number;
  /** The server's `/feedback` URL: each paper gets 👍/👎 links to it, signed for each reader as their copy is built. */
  feedbackUrl?: string | undefined;
  /** A reader's own copy: their picks first, each with why, then their "outside your usual" picks, the rest of the day under "Also today". Default: the shared edition. */
  copy?: ReaderCopyPlan | undefined;
}

/** A flowchart the HTML refers to as `cid:<cid>`, to be attached when there is no public URL. */
export interface EmailImage {
  cid: string;
  filename: string;
  paperId: string;
  version: number;
  /** The brief's language: its PNG is `<stem>.<language>.flowchart.png` unless English. */
  language: string;
  flowchart: Flowchart;
}

export interface EmailEdition {
  html: string;
  text: string;
  /** Empty when the images are served under the public URL. */
  images: EmailImage[];
  /** Papers shown in full; the rest are in the compact list at the end. */
  shownInFull: number;
}

// The mail edition: "In this issue", then compact cards while the HTML as sent stays under Gmail's clipping size, the rest as a list of linked titles.
export function renderEmailEdition(sharedEdition: Edition, options: RenderEmailEditionOptions = {}): EmailEdition {
  const { edition, picked, readerLines } = orderForReader(sharedEdition, options.copy);
  const maxBytes = (options.maxHtmlBytes ?? EMAIL_HTML_MAX_BYTES) - SIZE_MARGIN_BYTES;
  const publicBase = toHttpsBase(options.publicUrl);
  const webEditionUrl = publicBase === undefined ? undefined : `${publicBase}/digests/${edition.date}.html`;
  const count = edition.papers.length;
  const messages = editionMessages(edition);
  const episodeUrl = publicBase === undefined || edition.episode === undefined ? undefined : `${publicBase}/${edition.episode.mp3}`;
  const measure = measureReaderCopyBytes(publicBase, options.feedbackUrl);
  // The frame as it will be at most: every count with as many digits as the edition's size, an empty contents list.
  const widestFrame = renderFrame(edition, { shownInFull: count, contents: [] }, webEditionUrl, options.unsubscribe, episodeUrl);

  // The papers shown in full before go first into the budget, at most their share: each is one linked line.
  const repeats = edition.repeats ?? [];
  const repeatEntries = repeats.map((repeat) => renderRepeatEntry(repeat, truncateText(repeat.title, LISTED_TITLE_MAX_CHARS), publicBase, messages));
  const repeatsBlock =
    repeats.length === 0
      ? undefined
      : fitEntries(repeatEntries.length, (listed) => renderRepeatsBlock({ total: repeats.length, entries: repeatEntries.slice(0, listed), fullEditionUrl: webEditionUrl, messages }), maxBytes * REPEATS_SHARE, (index) =>
          measure(repeatEntries[index]!.html),
        );

  // Small strings for every paper: the compact list's entries, so the budget can reserve room for all of them.
  const entries = edition.papers.map((paper, index) =>
    renderOverflowEntry({ position: index + 1, title: truncateText(paper.brief.paper.title, LISTED_TITLE_MAX_CHARS), url: resolvePaperLinks(paper.brief, publicBase).title }),
  );
  // A reader's copy lists the day's papers they did not pick under "Also today", within the list's share.
  const alsoToday = entries.slice(picked);
  const alsoTodayBlock =
    alsoToday.length === 0
      ? undefined
      : fitEntries(alsoToday.length, (listed) => renderOverflowBlock({ heading: messages.alsoToday, total: alsoToday.length, firstPosition: picked + 1, entries: alsoToday.slice(0, listed), fullEditionUrl: webEditionUrl, messages }), maxBytes * LIST_SHARE, (index) =>
          measure(alsoToday[index]!.html),
        );
  const entryBytesFrom = suffixSums(entries.slice(0, picked).map((entry) => measure(entry.html)));
  const overflowFrameBytes = measureSentBytes(renderOverflowBlock({ total: count, firstPosition: count, entries: [], fullEditionUrl: webEditionUrl, messages }).html);

  const shown: Array<ReturnType<typeof renderEmailPaper>> = [];
  const images: EmailImage[] = [];
  let usedBytes = measureSentBytes(widestFrame.before) + measureSentBytes(widestFrame.after) + (repeatsBlock ? measure(repeatsBlock.html) : 0) + (alsoTodayBlock ? measure(alsoTodayBlock.html) : 0);
  for (const [index, paper] of edition.papers.slice(0, picked).entries()) {
    const links = resolvePaperLinks(paper.brief, publicBase);
    const image = links.image === undefined ? toCidImage(paper.brief.paper.id, paper.brief.paper.version, paper.brief.generation.language ?? 'en', paper.brief.flowchart) : undefined;
    const figure = describeFigure(paper.brief.flowchart, links.image ?? `cid:${image!.cid}`, messages);
    const rendered = renderEmailPaper(paper, index + 1, links, figure, options.feedbackUrl, readerLines.get(paper.brief.paper.id));
    const paperBytes = measure(rendered.html) + measureSentBytes(rendered.contents.html);
    // The list of the rest gets at most its share: on a day of 600 papers, the best still come in full.
    const restBytes = index + 1 < picked ? overflowFrameBytes + Math.min(entryBytesFrom[index + 1]!, maxBytes * LIST_SHARE) : 0;
    if (usedBytes + paperBytes + restBytes >= maxBytes) break;
    usedBytes += paperBytes;
    shown.push(rendered);
    if (image) images.push(image);
  }

  const frame = renderFrame(edition, { shownInFull: shown.length, contents: shown.map((paper) => paper.contents) }, webEditionUrl, options.unsubscribe, episodeUrl);
  const overflow = shown.length < picked ? fitOverflow(entries.slice(shown.length, picked), shown.length + 1, webEditionUrl, maxBytes - usedBytes, messages, measure) : undefined;
  const html = [frame.before, ...shown.map((paper) => paper.html), overflow?.html ?? '', alsoTodayBlock?.html ?? '', repeatsBlock?.html ?? '', frame.after].join('\n');
  const text = [frame.textHeader, ...shown.map((paper) => paper.text), overflow?.text ?? '', alsoTodayBlock?.text ?? '', repeatsBlock?.text ?? '', frame.textFooter].filter((part) => part !== '').join('\n');
  return { html, text, images, shownInFull: shown.length };
}

/** Bytes of HTML as it goes over the wire: quoted-printable, as the message sends it, with its soft line breaks. */
export function measureSentBytes(html: string): number {
  return quotedPrintable.wrap(quotedPrintable.encode(html), 76).length;
}

// --- internal ---

// A reader's copy: their picks (those the edition has) first, in their order and without the shared reason, then their explore picks; then the rest in the edition's order.
function orderForReader(edition: Edition, copy: ReaderCopyPlan | undefined): { edition: Edition; picked: number; readerLines: Map<string, ReaderLine> } {
  if (copy === undefined) return { edition, picked: edition.papers.length, readerLines: new Map() };
  const byId = new Map(edition.papers.map((paper) => [paper.brief.paper.id, paper]));
  const known = copy.picks.filter((pick, index) => byId.has(pick.paperId) && copy.picks.findIndex((other) => other.paperId === pick.paperId) === index);
  // The "outside your usual" picks come in addition to the reader's own, after them: never in place of one.
  const picks = [...known.filter((pick) => !pick.explore), ...known.filter((pick) => pick.explore)];
  const pickedIds = new Set(picks.map((pick) => pick.paperId));
  const papers = [
    ...picks.map((pick) => {
      const { reason: _shared, ...paper } = byId.get(pick.paperId)!;
      return paper;
    }),
    ...edition.papers.filter((paper) => !pickedIds.has(paper.brief.paper.id)),
  ];
  const readerLines = new Map(picks.map((pick) => [pick.paperId, { reason: pick.reason, outside: pick.explore }]));
  return { edition: { ...edition, papers }, picked: picks.length, readerLines };
}

// The counts and soft line breaks may move a little once the frame is final: the budget keeps this much spare.
const SIZE_MARGIN_BYTES = 2_000;
const CONTENTS_MARK = '<!--contents-->';

// "25 papers: 20 in full, 5 listed after them", so a reader knows what the email holds before scrolling.
function describeCounts(count: number, shownInFull: number, repeats: number, messages: Messages): string {
  const shownBefore = repeats === 0 ? '' : ` ${messages.moreWereEarlier(repeats)}`;
  if (count === 0) return `${messages.noPapersInEdition}${shownBefore}`;
  const papers = messages.papers(count);
  if (shownInFull === count) return `${messages.eachInFivePoints(papers)}${shownBefore}`;
  return `${messages.inFullAndListed(papers, shownInFull, count - shownInFull)}${shownBefore}`;
}

// A title is a line, not a page: a runaway one must not crowd the rest out of the size budget.
const PREHEADER_MAX_CHARS = 150;
const LISTED_TITLE_MAX_CHARS = 200;

// At most this share of the size goes to the list of papers not shown in full; what does not fit is counted and linked.
const LIST_SHARE = 0.5;
// And at most this share to the papers shown in full in earlier editions.
const REPEATS_SHARE = 0.2;

// A thumbnail's alt text: enough to tell what the chart shows; the page has the full chart.
const FIGURE_ALT_MAX_CHARS = 100;
const FIGURE_MAX_WIDTH = 550; // the card's inner width: 600 minus padding and border

function renderFrame(
  edition: Edition,
  shown: { shownInFull: number; contents: Array<{ html: string; text: string }> },
  webEditionUrl: string | undefined,
  unsubscribe: string | undefined,
  episodeUrl: string | undefined,
) {
  const count = edition.papers.length;
  const title = `arXiv Brief — ${edition.date}`;
  const messages = editionMessages(edition);
  const countText = describeCounts(count, shown.shownInFull, edition.repeats?.length ?? 0, messages);
  // What inboxes show after the subject: a line, however long the titles.
  const preheader = truncateText(edition.papers.slice(0, 3).map((paper) => paper.brief.paper.title).join(' · '), PREHEADER_MAX_CHARS);
  const webLink = webEditionUrl ? ` <a href="${escapeHtml(webEditionUrl)}">${escapeHtml(messages.readOnTheWeb)}</a>${escapeHtml(messages.fullStop)}` : '';
  // Mail clients play no audio: the episode is a link, like every image and page.
  const minutes = Math.max(1, Math.round((edition.episode?.durationMs ?? 0) / 60_000));
  const episodeLink = episodeUrl ? ` <a href="${escapeHtml(episodeUrl)}">${escapeHtml(messages.listenToTheEpisode(minutes))}</a>${escapeHtml(messages.fullStop)}` : '';
  const note = messages.machineWritten;
  const unsubscribeLink = unsubscribe ? ` <a href="${escapeHtml(unsubscribe)}">${escapeHtml(messages.unsubscribe)}</a>${escapeHtml(messages.fullStop)}` : '';
  const contentsHtml =
    shown.contents.length === 0 ? '' : `<h2 class="contents-heading">${escapeHtml(messages.inThisIssue)}</h2><ol class="contents">${CONTENTS_MARK}</ol>`;
  // The entries are inlined already: they go in after, so the inliner never sees them twice.
  const header = inlineEmailCss(`<tr><td class="card"><h1 class="masthead">${escapeHtml(title)}</h1><p class="kicker">${escapeHtml(countText)}${webLink}${episodeLink}</p>${contentsHtml}</td></tr>`).replace(
    CONTENTS_MARK,
    shown.contents.map((entry) => entry.html).join(''),
  );
  const footer = inlineEmailCss(`<tr><td class="footer">${escapeHtml(note)}${unsubscribeLink}</td></tr>`);
  const document = renderEmailDocument(title, preheader, editionLanguage(edition));
  const before = [document.open, header, EMAIL_GAP_ROW].join('\n');
  const after = [EMAIL_GAP_ROW, footer, document.close].join('\n');
  const contentsText = shown.contents.length === 0 ? '' : `\n${messages.inThisIssue}${messages.colon.trimEnd()}\n${shown.contents.map((entry) => entry.text).join('\n')}\n`;
  const webText = webEditionUrl ? ` ${messages.onTheWeb}${messages.colon}${webEditionUrl}` : '';
  const textHeader = `${title}\n${'='.repeat(title.length)}\n${countText}${webText}${episodeUrl ? `\n${messages.listenShort(minutes)}${messages.colon}${episodeUrl}` : ''}\n${contentsText}`;
  const textFooter = `--\n${note}${unsubscribe ? `\n${messages.unsubscribe}${messages.colon}${unsubscribe}` : ''}\n`;
  return { before, after, textHeader, textFooter };
}

// The compact list, cut (and the cut counted) only in the extreme case that even the titles do not fit.
function fitOverflow(
  entries: Array<{ html: string; text: string }>,
  firstPosition: number,
  fullEditionUrl: string | undefined,
  budgetBytes: number,
  messages: Messages,
  measure: (html: string) => number,
) {
  const render = (listed: number) => renderOverflowBlock({ total: entries.length, firstPosition, entries: entries.slice(0, listed), fullEditionUrl, messages });
  return fitEntries(entries.length, render, budgetBytes, (index) => measure(entries[index]!.html));
}

// A list block with as many of its entries as fit: the frame with its "…and N more" line, then entries one by one.
function fitEntries(total: number, render: (listed: number) => { html: string; text: string }, budgetBytes: number, entryBytes: (index: number) => number) {
  let usedBytes = measureSentBytes(render(0).html);
  let listed = 0;
  while (listed < total && usedBytes + entryBytes(listed) < budgetBytes) usedBytes += entryBytes(listed++);
  return render(listed);
}

// A reader's copy signs each link to a paper page or to /feedback (send-once): the budget keeps room for every signature.
function measureReaderCopyBytes(publicBase: string | undefined, feedbackUrl: string | undefined): (html: string) => number {
  if (feedbackUrl === undefined) return measureSentBytes;
  const signed = [`href="${escapeHtml(feedbackUrl)}?`, ...(publicBase === undefined ? [] : [`href="${escapeHtml(publicBase)}/papers/`])];
  return (html) => measureSentBytes(html) + signed.reduce((sum, start) => sum + html.split(start).length - 1, 0) * READER_SIGNATURE_BYTES;
}

// `&amp;address=…&amp;token=…` or `#address=…&amp;token=…` for an address of up to 64 characters, as quoted-printable.
const READER_SIGNATURE_BYTES = 140;

function toCidImage(paperId: string, version: number, language: string, flowchart: Flowchart): EmailImage {
  const stem = toFileStem(paperId, version);
  return { cid: `flowchart-${stem}@arxiv-brief`, filename: `${stem}.flowchart.png`, paperId, version, language, flowchart };
}

// The width attribute Outlook needs, from the chart's own size; alt text names the steps for readers without images.
function describeFigure(flowchart: Flowchart, src: string, messages: Messages): EmailFigure {
  const svgWidth = measureFlowchartWidth(flowchart);
  const steps = flowchart.nodes.map((node) => node.label).join(' → ');
  const alt = `${messages.methodFlowchart}${messages.colon}${truncateText(steps, FIGURE_ALT_MAX_CHARS)}`;
  return { src, width: Math.min(FIGURE_MAX_WIDTH, svgWidth), alt };
}

// Laying a chart out is most of a card's time: each reader's copy of the same edition measures it once.
const FLOWCHART_WIDTHS = new WeakMap<Flowchart, number>();
function measureFlowchartWidth(flowchart: Flowchart): number {
  let width = FLOWCHART_WIDTHS.get(flowchart);
  if (width === undefined) FLOWCHART_WIDTHS.set(flowchart, (width = Number(renderFlowchartSvg(flowchart).match(/width="(\d+)"/)?.[1] ?? FIGURE_MAX_WIDTH)));
  return width;
}

function suffixSums(values: number[]): number[] {
  const sums = new Array<number>(values.length + 1).fill(0);
  for (let index = values.length - 1; index >= 0; index--) sums[index] = sums[index + 1]! + values[index]!;
  return sums;
}
