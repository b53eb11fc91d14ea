/** Lines looked at, from the top and from the bottom of each page. */
const EDGE_LINES = 3;
/** A header repeats on at least this share of the pages (odd/even headers each cover half)... */
const MIN_PAGE_SHARE = 0.3;
/** ...and on at least this many pages. */
const MIN_PAGES = 3;

/** Running headers/footers: lines that repeat (digits masked) at the top or bottom of many pages. */
export function findRunningHeaderLines(pages: string[]): Set<string> {
  const pagesByKey = new Map<string, number>();
  for (const page of pages) {
    const lines = page.split('\n');
    const keys = new Set(edgeLines(lines).map((index) => headerKey(lines[index]!)));
    for (const key of keys) pagesByKey.set(key, (pagesByKey.get(key) ?? 0) + 1);
  }
  const minimum = Math.max(MIN_PAGES, Math.ceil(pages.length * MIN_PAGE_SHARE));
  const headers = new Set<string>();
  for (const [key, count] of pagesByKey) {
    // Short keys are brackets and axis labels from figures, not headers.
    if (count >= minimum && (key.match(/\p{L}/gu)?.length ?? 0) >= 3) headers.add(key);
  }
  return headers;
}

/** The normalized form two occurrences of one header share: digits masked, spacing and case ignored. */
export function headerKey(line: string): string {
  return line.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
}

/** Removes running headers and footers; on the first page only footers, since its top holds the title. */
export function removeRunningHeaders(pages: string[]): { pages: string[]; removed: number } {
  const headers = findRunningHeaderLines(pages);
  let removed = 0;
  if (headers.size === 0) return { pages, removed };
  const cleaned = pages.map((page, pageIndex) => {
    const lines = page.split('\n');
    const drop = new Set<number>();
    for (const index of edgeLines(lines)) {
      if (pageIndex === 0 && isTopEdge(lines, index)) continue;
      if (headers.has(headerKey(lines[index]!))) drop.add(index);
    }
    removed += drop.size;
    return lines.filter((_line, index) => !drop.has(index)).join('\n');
  });
  return { pages: cleaned, removed };
}

// --- internal ---

/** Indexes of the first and last EDGE_LINES non-empty lines. */
function edgeLines(lines: string[]): number[] {
  const nonEmpty: number[] = [];
  lines.forEach((line, index) => {
    if (line.trim() !== '') nonEmpty.push(index);
  });
  if (nonEmpty.length <= EDGE_LINES * 2) return nonEmpty;
  return [...nonEmpty.slice(0, EDGE_LINES), ...nonEmpty.slice(-EDGE_LINES)];
}

function isTopEdge(lines: string[], index: number): boolean {
  let nonEmptyBefore = 0;
  for (let before = 0; before < index; before += 1) if (lines[before]!.trim() !== '') nonEmptyBefore += 1;
  return nonEmptyBefore < EDGE_LINES;
}
