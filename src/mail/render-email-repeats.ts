import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { EditionRepeat } from '../edition/edition.js';
import { escapeHtml } from '../output/escape-html.js';
import { stripControlCharacters } from '../text/strip-control-characters.js';
import { inlineEmailCss } from './email-css.js';

/** One paper shown in full before, as HTML and text: its title linking the earlier brief (its arXiv page without a public https URL) and the date. */
export function renderRepeatEntry(repeat: EditionRepeat, title: string, publicBase: string | undefined): { html: string; text: string } {
  const url =
    publicBase === undefined ? `https://arxiv.org/abs/${formatArxivId(repeat)}` : `${publicBase}/papers/${encodeURIComponent(toFileStem(repeat.id, repeat.version))}.html`;
  const earlierEdition = publicBase === undefined ? undefined : `${publicBase}/digests/${repeat.firstShown}.html`;
  const date = earlierEdition === undefined ? escapeHtml(repeat.firstShown) : `<a href="${escapeHtml(earlierEdition)}">${escapeHtml(repeat.firstShown)}</a>`;
  return {
    html: `<li><a href="${escapeHtml(url)}">${escapeHtml(title)}</a> · first shown ${date}</li>\n`,
    text: `- ${stripControlCharacters(title).replace(/\s+/g, ' ')}\n   ${url} (first shown ${repeat.firstShown})\n`,
  };
}

// "Also on today's list": what was shown before is named and linked, never silently dropped, and cut (and counted) only when even it does not fit.
export function renderRepeatsBlock(block: { total: number; entries: Array<{ html: string; text: string }>; fullEditionUrl?: string | undefined; heading: string }): { html: string; text: string } {
  // From the message table, ours: written as it is, like the intro below.
  const { heading } = block;
  const intro = 'Shown in full in an earlier edition:';
  const unlisted = block.total - block.entries.length;
  const where = block.fullEditionUrl ? `<a href="${escapeHtml(block.fullEditionUrl)}">the web edition</a>` : 'the digest files of this date';
  const tailHtml = unlisted > 0 ? `<p class="meta">…and ${unlisted} more, listed in ${where}.</p>` : '';
  const tailText = unlisted > 0 ? `…and ${unlisted} more, listed in the web edition${block.fullEditionUrl ? `: ${block.fullEditionUrl}` : ' (the digest files of this date)'}\n` : '';
  // The entries are already escaped and need no styles: they go in after inlining.
  const frame = inlineEmailCss(
    `<tr><td class="card overflow"><h2 class="overflow-heading">${heading}</h2><p class="meta">${intro}</p><ul class="overflow-list">${ENTRIES_MARK}</ul>${tailHtml}</td></tr>`,
  );
  const html = frame.replace(ENTRIES_MARK, `\n${block.entries.map((entry) => entry.html).join('')}`);
  const text = [`${heading}. ${intro}\n\n`, ...block.entries.map((entry) => entry.text), tailText].join('');
  return { html, text };
}

// --- internal ---

const ENTRIES_MARK = '<!--entries-->';
