import type { Messages } from '../language/messages.js';
import { escapeHtml } from '../output/escape-html.js';
import { fillMessageHtml } from '../output/fill-message-html.js';
import { stripControlCharacters } from '../text/strip-control-characters.js';
import { inlineEmailCss } from './email-css.js';

/** One paper of the compact list: its position in the edition, title and link. */
export interface OverflowEntry {
  position: number;
  title: string;
  url: string;
}

/** The compact list's line for one paper, as HTML and text; measured one by one so the list fits the size budget. */
export function renderOverflowEntry(entry: OverflowEntry): { html: string; text: string } {
  return {
    html: `<li><a href="${escapeHtml(entry.url)}">${escapeHtml(entry.title)}</a></li>\n`,
    text: `${entry.position}. ${stripControlCharacters(entry.title).replace(/\s+/g, ' ')}\n   ${entry.url}\n`,
  };
}

export interface OverflowBlock {
  /** The papers not shown in full, in edition order. */
  total: number;
  /** Position of the first listed paper. */
  firstPosition: number;
  /** The rendered entries that fit; `total - entries.length` more are only counted, with where to find them. */
  entries: Array<{ html: string; text: string }>;
  /** Where the full edition is (the web edition), for papers beyond the list. */
  fullEditionUrl?: string | undefined;
  /** The words of the edition's language. */
  messages: Messages;
  /** Default: "And N more papers"; a reader's copy lists the day's other papers under "Also today". */
  heading?: string | undefined;
}

// "And 37 more papers": nothing is dropped silently, even when the list itself has to be cut.
export function renderOverflowBlock(block: OverflowBlock): { html: string; text: string } {
  const { messages } = block;
  const headingText = block.heading ?? messages.morePapers(block.total);
  const heading = escapeHtml(headingText);
  const unlisted = block.total - block.entries.length;
  const whereText = block.fullEditionUrl ? `${messages.theWebEdition}${messages.colon}${block.fullEditionUrl}` : messages.theDigestFiles;
  const tailText = unlisted > 0 ? `${messages.moreNotListed(unlisted, whereText)}\n` : '';
  const whereHtml = block.fullEditionUrl ? `<a href="${escapeHtml(block.fullEditionUrl)}">${escapeHtml(messages.theWebEdition)}</a>` : escapeHtml(messages.theDigestFiles);
  const tailHtml = unlisted > 0 ? `<p class="meta">${fillMessageHtml((where) => messages.moreNotListed(unlisted, where), whereHtml)}${escapeHtml(messages.fullStop)}</p>` : '';
  // The entries are already escaped and need no styles: they go in after inlining, so the inliner never sees 300 links.
  const frame = inlineEmailCss(
    `<tr><td class="card overflow"><h2 class="overflow-heading">${heading}</h2><ol start="${block.firstPosition}" class="overflow-list">${ENTRIES_MARK}</ol>${tailHtml}</td></tr>`,
  );
  const html = frame.replace(ENTRIES_MARK, `\n${block.entries.map((entry) => entry.html).join('')}`);
  const text = [`${headingText}${messages.colon.trimEnd()}\n\n`, ...block.entries.map((entry) => entry.text), tailText].join('');
  return { html, text };
}

// --- internal ---

const ENTRIES_MARK = '<!--entries-->';
