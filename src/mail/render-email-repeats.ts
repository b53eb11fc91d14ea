import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { EditionRepeat } from '../edition/edition.js';
import type { Messages } from '../language/messages.js';
import { escapeHtml } from '../output/escape-html.js';
import { fillMessageHtml } from '../output/fill-message-html.js';
import { stripControlCharacters } from '../text/strip-control-characters.js';
import { inlineEmailCss } from './email-css.js';

/** One paper shown in full before, as HTML and text: its title linking the earlier brief (its arXiv page without a public https URL) and the date. */
export function renderRepeatEntry(repeat: EditionRepeat, title: string, publicBase: string | undefined, messages: Messages): { html: string; text: string } {
  const url =
    publicBase === undefined ? `https://arxiv.org/abs/${formatArxivId(repeat)}` : `${publicBase}/papers/${encodeURIComponent(toFileStem(repeat.id, repeat.version))}.html`;
  const earlierEdition = publicBase === undefined ? undefined : `${publicBase}/digests/${repeat.firstShown}.html`;
  const date = earlierEdition === undefined ? escapeHtml(repeat.firstShown) : `<a href="${escapeHtml(earlierEdition)}">${escapeHtml(repeat.firstShown)}</a>`;
  return {
    html: `<li><a href="${escapeHtml(url)}">${escapeHtml(title)}</a> · ${escapeHtml(messages.firstShown)} ${date}</li>\n`,
    text: `- ${stripControlCharacters(title).replace(/\s+/g, ' ')}\n   ${url} (${messages.firstShown} ${repeat.firstShown})\n`,
  };
}

// "Also on today's list": what was shown before is named and linked, never silently dropped, and cut (and counted) only when even it does not fit.
export function renderRepeatsBlock(block: { total: number; entries: Array<{ html: string; text: string }>; fullEditionUrl?: string | undefined; messages: Messages }): { html: string; text: string } {
  const { messages } = block;
  const heading = escapeHtml(messages.alsoOnTodaysList);
  const intro = escapeHtml(messages.shownBeforeIntro);
  const unlisted = block.total - block.entries.length;
  const where = block.fullEditionUrl ? `<a href="${escapeHtml(block.fullEditionUrl)}">${escapeHtml(messages.theWebEdition)}</a>` : escapeHtml(messages.theDigestFiles);
  const tailHtml = unlisted > 0 ? `<p class="meta">${fillMessageHtml((slot) => messages.moreListedIn(unlisted, slot), where)}${escapeHtml(messages.fullStop)}</p>` : '';
  const whereText = block.fullEditionUrl ? `${messages.theWebEdition}${messages.colon}${block.fullEditionUrl}` : messages.theDigestFiles;
  const tailText = unlisted > 0 ? `${messages.moreListedIn(unlisted, whereText)}\n` : '';
  // The entries are already escaped and need no styles: they go in after inlining.
  const frame = inlineEmailCss(
    `<tr><td class="card overflow"><h2 class="overflow-heading">${heading}</h2><p class="meta">${intro}</p><ul class="overflow-list">${ENTRIES_MARK}</ul>${tailHtml}</td></tr>`,
  );
  const html = frame.replace(ENTRIES_MARK, `\n${block.entries.map((entry) => entry.html).join('')}`);
  const text = [`${messages.alsoOnTodaysList}${messages.fullStop} ${messages.shownBeforeIntro}\n\n`, ...block.entries.map((entry) => entry.text), tailText].join('');
  return { html, text };
}

// --- internal ---

const ENTRIES_MARK = '<!--entries-->';
