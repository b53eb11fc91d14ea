import { type LayoutBox, measureHorizontalOverlap, uniteBoxes } from '../pdf/layout-box.js';
import type { PageLayout, TextLine } from '../pdf/page-layout.js';
import { combineAccents } from '../text/clean/combine-accents.js';
import { joinHyphenatedWords } from '../text/clean/join-hyphenated-words.js';
import { normalizeUnicode } from '../text/clean/normalize-unicode.js';

/** A figure's or table's caption on a page: its number, its words without the label, and the paragraph's box. */
export interface Caption {
  kind: 'figure' | 'table';
  number: number;
  text: string;
  box: LayoutBox;
  fontSize: number;
}

/** "Figure 3:", "Fig. 3.", "FIG. 3." at a line's start; "Figure 3.1" (a section's numbering) and "Figure 3 shows" are not labels. */
const FIGURE_LABEL = /^(?:figure|fig\.?)\s*(\d+)\s*[:.|](?!\d)\s*/i;
/** A table's label only stops a caption and bounds a figure; IEEE numbers tables in capitals (TABLE IV). */
const TABLE_LABEL = /^table\s*(\d+|[IVXLC]+\b)\s*[:.|]?/i;
// A caption's next line sits within this many of its letters' heights; running text after a float sits further.
const MAX_LINE_STEP = 1.5;
// Pieces of the label's line further apart than this many letters are across a column gutter.
const MAX_WORD_GAP = 1.2;
const LABEL_GAP = 2;
// A line in a size this much different is the running text, not the caption.
const SIZE_TOLERANCE = 0.08;

/**
 * The page's captions, each one paragraph long: from its label down through the lines that follow it closely
 * in the same size, ending at a wider gap, a change of size or the next caption; words hyphenated across lines are joined
 * (`paperText`, the paper's words, decides `first-order` from `piezoresistive` as it does for the running text).
 */
export function findCaptions(layout: PageLayout, paperText = ''): Caption[] {
  const captions: Caption[] = [];
  const taken = new Set<TextLine>();
  for (const first of layout.lines.toSorted((a, b) => a.baseline - b.baseline || a.box.left - b.box.left)) {
    if (taken.has(first)) continue;
    const figureLabel = FIGURE_LABEL.exec(first.text);
    const tableLabel = figureLabel === null ? TABLE_LABEL.exec(first.text) : null;
    const label = figureLabel ?? tableLabel;
    if (label === null) continue;
    const rows = collectParagraph(first, layout.lines, taken);
    const paragraph = rows.flat();
    for (const line of paragraph) taken.add(line);
    const rowTexts = rows.map((row) => row.map((line) => line.text).join(' '));
    // A table's caption only bounds figures: its words are not worth counting the paper's words for.
    const text = joinCaptionLines([rowTexts[0]!.slice(label[0].length), ...rowTexts.slice(1)], figureLabel === null ? '' : paperText);
    const number = Number(label[1]);
    const box = paragraph.map((line) => line.box).reduce(uniteBoxes);
    captions.push({ kind: figureLabel === null ? 'table' : 'figure', number: Number.isInteger(number) ? number : 0, text, box, fontSize: first.fontSize });
  }
  return captions;
}

// --- internal ---

function startsCaption(line: TextLine): boolean {
  return FIGURE_LABEL.test(line.text) || TABLE_LABEL.test(line.text);
}

/** The caption's rows of lines, top to bottom: a row is every piece of text on one baseline across the caption. */
function collectParagraph(first: TextLine, lines: TextLine[], taken: Set<TextLine>): TextLine[][] {
  const size = first.fontSize;
  // A label set apart by a quad (REVTeX's "FIG. 3.") is further from its words than a word space.
  const reach = (FIGURE_LABEL.exec(first.text)?.[0].length === first.text.length ? LABEL_GAP : MAX_WORD_GAP) * size;
  const firstRow = [first, ...lines.filter((line) => line !== first && !taken.has(line) && onBaseline(line, first) && line.box.left > first.box.left && line.box.left - first.box.right <= reach)];
  const rows = [firstRow.toSorted(byLeft)];
  let box = firstRow.map((line) => line.box).reduce(uniteBoxes);
  for (;;) {
    const last = rows.at(-1)![0]!;
    const below = lines.filter((line) => !taken.has(line) && line.baseline > last.baseline + 0.5 * size && measureHorizontalOverlap(line.box, box) > 0);
    const next = below.toSorted((a, b) => a.baseline - b.baseline)[0];
    if (next === undefined) break;
    if (next.baseline - last.baseline > MAX_LINE_STEP * size) break;
    if (Math.abs(next.fontSize - size) > SIZE_TOLERANCE * size) break;
    const row = below.filter((line) => onBaseline(line, next)).toSorted(byLeft);
    // A row starting left of the caption's own left edge belongs to the text around it.
    if (row[0]!.box.left < box.left - size) break;
    if (startsCaption(row[0]!)) break;
    rows.push(row);
    box = row.map((line) => line.box).reduce(uniteBoxes, box);
  }
  return rows;
}

function onBaseline(line: TextLine, other: TextLine): boolean {
  return Math.abs(line.baseline - other.baseline) <= 0.3 * other.fontSize;
}

function byLeft(first: TextLine, second: TextLine): number {
  return first.box.left - second.box.left;
}

// Ends the caption before the paper's words, which are there only to count how the paper spells its compounds.
const CONTEXT_SEPARATOR = '\n\u2029\n';

// "first-\nand second-order": a hyphen standing for a word to come, kept with its space.
const SUSPENDED_HYPHEN = /(\p{L})-\n(?=(?:and|or|nor|to)\b)/gu;

function joinCaptionLines(lines: string[], paperText: string): string {
  const caption = lines.join('\n').replace(SUSPENDED_HYPHEN, '$1- ');
  const joined = joinHyphenatedWords(`${caption}${CONTEXT_SEPARATOR}${paperText}`).text.split(CONTEXT_SEPARATOR)[0] ?? '';
  return normalizeUnicode(combineAccents(joined).text.replace(/\s+/g, ' ').trim()).text;
}
