import type { PageLayout, TextLine } from '../pdf/page-layout.js';

/** The paper's running text: the font size most of its letters have, and the width of a full line. */
export interface BodyText {
  fontSize: number;
  lineWidth: number;
}

// A line in the body's size at least this share of a full line wide is running text, not a figure's label.
const MIN_BODY_LINE_SHARE = 0.5;
// Sizes within this share of the body's are the body's: pdf.js rounds, and a caption a point smaller still bounds a figure.
const SIZE_TOLERANCE = 0.15;
// The next line of a paragraph sits within this many letters' heights below the last.
const MAX_LINE_STEP = 1.6;
// Points a paragraph's lines may differ in where they start.
const ALIGNMENT = 2;

/** Measures the running text over every page, so a figure's labels can be told from the paragraphs around it. */
export function measureBodyText(layouts: PageLayout[]): BodyText {
  const lettersPerSize = new Map<number, number>();
  for (const line of layouts.flatMap((layout) => layout.lines)) {
    const size = Math.round(line.fontSize * 2) / 2;
    lettersPerSize.set(size, (lettersPerSize.get(size) ?? 0) + line.text.length);
  }
  const fontSize = [...lettersPerSize].toSorted((first, second) => second[1] - first[1])[0]?.[0] ?? 10;
  const widths = layouts
    .flatMap((layout) => layout.lines)
    .filter((line) => hasSize(line, fontSize))
    .map((line) => line.box.right - line.box.left)
    .toSorted((first, second) => first - second);
  // Most lines of a paragraph are full; the 80th percentile skips paragraph ends and the odd wide display line.
  const lineWidth = widths[Math.floor(widths.length * 0.8)] ?? 0;
  return { fontSize, lineWidth };
}

/**
 * The page's lines of running text: in the body's size and at least half a full line wide, or the short last
 * line of such a paragraph (right under one of them, starting where it starts).
 */
export function findBodyLines(lines: TextLine[], body: BodyText): Set<TextLine> {
  const inSize = lines.filter((line) => hasSize(line, body.fontSize)).toSorted((first, second) => first.baseline - second.baseline);
  const found = new Set(inSize.filter((line) => line.box.right - line.box.left >= MIN_BODY_LINE_SHARE * body.lineWidth));
  for (const line of inSize) {
    if (found.has(line)) continue;
    const endsParagraph = [...found].some(
      (above) => line.baseline > above.baseline && line.baseline - above.baseline <= MAX_LINE_STEP * body.fontSize && Math.abs(line.box.left - above.box.left) <= ALIGNMENT,
    );
    if (endsParagraph) found.add(line);
  }
  return found;
}

// --- internal ---

function hasSize(line: TextLine, fontSize: number): boolean {
  return Math.abs(line.fontSize - fontSize) <= SIZE_TOLERANCE * fontSize;
}
