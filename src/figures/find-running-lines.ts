import type { PageLayout, TextLine } from '../pdf/page-layout.js';

// Running headers, footers and page numbers sit in this share of the page at its top or bottom.
const MARGIN_SHARE = 0.12;
// A margin line whose words come back on this many pages runs through the paper.
const MIN_REPEATS = 3;

/** The running headers, footers and page numbers: lines in a page's top or bottom margin that repeat across pages (digits aside) or are a bare number. */
export function findRunningLines(layouts: PageLayout[]): Set<TextLine> {
  const inMargin = layouts.flatMap((layout) =>
    layout.lines.filter((line) => line.box.bottom <= MARGIN_SHARE * layout.height || line.box.top >= (1 - MARGIN_SHARE) * layout.height).map((line) => ({ line, page: layout.pageNumber })),
  );
  const pagesPerWords = new Map<string, Set<number>>();
  for (const { line, page } of inMargin) {
    const words = toWords(line.text);
    pagesPerWords.set(words, (pagesPerWords.get(words) ?? new Set()).add(page));
  }
  const repeats = Math.min(MIN_REPEATS, Math.max(2, Math.ceil(layouts.length / 2)));
  return new Set(inMargin.filter(({ line }) => toWords(line.text) === '' || (pagesPerWords.get(toWords(line.text))?.size ?? 0) >= repeats).map(({ line }) => line));
}

// --- internal ---

function toWords(text: string): string {
  return text.replace(/[\d\s]+/g, ' ').trim().toLowerCase();
}
