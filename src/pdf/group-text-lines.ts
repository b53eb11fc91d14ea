import { type LayoutBox, uniteBoxes } from './layout-box.js';
import { multiplyTransforms } from './pdf-transform.js';
import type { TextLine } from './page-layout.js';

/** A text run as pdf.js's getTextContent gives it: `transform` maps text space to the page's PDF space. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

// Shares of the font size above and below the baseline that most Latin letters reach.
const ASCENT = 0.75;
const DESCENT = 0.25;
// A gap of this many letters is still a word space; a column gutter is wider.
const MAX_WORD_GAP = 1.2;
// Rotated text longer than this share of the page is a margin stamp (arXiv's, a journal's), not a figure's label.
const MAX_ROTATED_SHARE = 0.3;

/**
 * The page's upright text as lines (runs on one baseline with word-sized gaps) and its rotated text as
 * boxes; `viewportTransform` is pdf.js's scale-1 viewport transform, which puts the origin at the top left.
 */
export function groupTextLines(items: PdfTextItem[], viewportTransform: number[], pageHeight: number): { lines: TextLine[]; rotated: LayoutBox[] } {
  const lines: TextLine[] = [];
  const rotated: LayoutBox[] = [];
  let current: LineUnderWay | undefined;
  const closeLine = () => {
    if (current !== undefined) lines.push(finishLine(current));
    current = undefined;
  };
  // Lines are told by geometry alone: pdf.js marks an end of line at every sub- or superscript.
  for (const item of items) {
    if (item.str.trim() === '') {
      if (current !== undefined && item.str !== '' && !current.text.endsWith(' ')) current.text += ' ';
      continue;
    }
    const placed = placeTextItem(item, viewportTransform);
    if (!placed.upright) {
      const length = Math.max(placed.box.right - placed.box.left, placed.box.bottom - placed.box.top);
      if (length <= MAX_ROTATED_SHARE * pageHeight) rotated.push(placed.box);
      continue;
    }
    if (current !== undefined && continuesLine(current, placed)) {
      const gap = placed.box.left - current.box.right;
      if (gap > 0.15 * placed.fontSize && !current.text.endsWith(' ') && !item.str.startsWith(' ')) current.text += ' ';
      current.text += item.str;
      current.box = uniteBoxes(current.box, placed.box);
      // The line's baseline is that of its largest letters, not of a script that opened it.
      if (placed.fontSize > current.fontSize) Object.assign(current, { baseline: placed.baseline, fontSize: placed.fontSize });
    } else {
      closeLine();
      current = { text: item.str, box: placed.box, baseline: placed.baseline, fontSize: placed.fontSize, sizes: new Map() };
    }
    current.sizes.set(placed.fontSize, (current.sizes.get(placed.fontSize) ?? 0) + item.str.length);
  }
  closeLine();
  return { lines: mergeFragments(lines), rotated };
}

// --- internal ---

interface LineUnderWay {
  text: string;
  box: LayoutBox;
  baseline: number;
  fontSize: number;
  /** Letters per font size, so the line's size is that of most of its letters, not of a superscript. */
  sizes: Map<number, number>;
}

interface PlacedItem {
  upright: boolean;
  box: LayoutBox;
  baseline: number;
  fontSize: number;
}

function placeTextItem(item: PdfTextItem, viewportTransform: number[]): PlacedItem {
  const [a, b, c, d, e, f] = multiplyTransforms(viewportTransform, item.transform);
  const fontSize = Math.round(item.height * 10) / 10;
  const along = normalize(a, b);
  const up = normalize(c, d);
  const corners = [
    [e + up.x * fontSize * ASCENT, f + up.y * fontSize * ASCENT],
    [e - up.x * fontSize * DESCENT, f - up.y * fontSize * DESCENT],
  ].flatMap(([x, y]) => [
    [x!, y!],
    [x! + along.x * item.width, y! + along.y * item.width],
  ]);
  const xs = corners.map(([x]) => x!);
  const ys = corners.map(([, y]) => y!);
  // Upright on the page: reading left to right, letters pointing up (y grows downwards here).
  const upright = along.x > 0.99 && up.y < -0.99;
  return { upright, box: { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) }, baseline: f, fontSize };
}

function continuesLine(line: LineUnderWay, item: PlacedItem): boolean {
  const size = Math.max(line.fontSize, item.fontSize);
  const gap = item.box.left - line.box.right;
  // A script stacked under another (F^a_b) steps back left; other text never does by more than a kern.
  const backStep = item.fontSize < line.fontSize ? 3 * size : 0.5 * size;
  // Half a letter's height takes in super- and subscripts.
  return Math.abs(item.baseline - line.baseline) <= 0.5 * size && gap >= -backStep && gap <= MAX_WORD_GAP * size;
}

/** Joins pieces of one line that the content stream drew apart (math set after the words around it), left to right. */
function mergeFragments(lines: TextLine[]): TextLine[] {
  const merged: TextLine[] = [];
  for (const line of lines.toSorted((first, second) => first.box.left - second.box.left)) {
    const size = (other: TextLine) => Math.max(other.fontSize, line.fontSize);
    const gapAfter = (other: TextLine) => line.box.left - other.box.right;
    const before = merged.find(
      (other) => Math.abs(other.baseline - line.baseline) <= 0.5 * size(other) && gapAfter(other) >= -0.5 * size(other) && gapAfter(other) <= MAX_WORD_GAP * size(other),
    );
    if (before === undefined) {
      merged.push({ ...line });
      continue;
    }
    const spaced = gapAfter(before) > 0.15 * size(before);
    before.text = `${before.text}${spaced ? ' ' : ''}${line.text}`;
    before.box = uniteBoxes(before.box, line.box);
    if (line.fontSize > before.fontSize) Object.assign(before, { baseline: line.baseline, fontSize: line.fontSize });
  }
  // Back in reading order: top to bottom, then left to right.
  return merged.toSorted((first, second) => first.baseline - second.baseline || first.box.left - second.box.left);
}

function finishLine(line: LineUnderWay): TextLine {
  const fontSize = [...line.sizes].toSorted((first, second) => second[1] - first[1])[0]?.[0] ?? line.fontSize;
  return { text: line.text.replace(/\s+/g, ' ').trim(), box: line.box, baseline: line.baseline, fontSize };
}

function normalize(x: number, y: number): { x: number; y: number } {
  const length = Math.hypot(x, y) || 1;
  return { x: x / length, y: y / length };
}
