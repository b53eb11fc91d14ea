/** Lines looked at, from the top and from the bottom of each page. */
const EDGE_LINES = 3;
/** A header repeats on at least this share of the pages (odd/even headers each cover half)... */
const MIN_PAGE_SHARE = 0.3;
/** ...and on at least this many pages. */
const MIN_PAGES = 3;

/** A line that repeats only with its numbers masked is a header if at most this long (journal footers with a URL reach ~100). */
const MAX_NUMBERED_HEADER_LENGTH = 120;

/**
 * Running headers/footers: lines that repeat at the top or bottom of many pages, either identically
 * or, when they look like a header (short, not a sentence), with only their numbers changing.
 */
export function findRunningHeaderLines(pages: string[]): Set<string> {
  const pagesByKey = new Map<string, number>();
  const formsByKey = new Map<string, Set<string>>();
  for (const page of pages) {
    const lines = page.split('\n');
    const edges = edgeLines(lines).map((index) => lines[index]!);
    for (const key of new Set(edges.map(headerKey))) pagesByKey.set(key, (pagesByKey.get(key) ?? 0) + 1);
    for (const line of edges) {
      const forms = formsByKey.get(headerKey(line)) ?? new Set<string>();
      forms.add(normalizeSpacing(line));
      formsByKey.set(headerKey(line), forms);
    }
  }
  const minimum = Math.max(MIN_PAGES, Math.ceil(pages.length * MIN_PAGE_SHARE));
  const headers = new Set<string>();
  for (const [key, count] of pagesByKey) {
    // Short keys are brackets and axis labels from figures, not headers.
    if (count < minimum || (key.match(/\p{L}/gu)?.length ?? 0) < 3) continue;
    const forms = formsByKey.get(key)!;
    // "Lemma 3. For every n > 5 the bound holds." on each page: numbered sentences are content, page numbers in a header are not.
    if (forms.size === 1 || [...forms].every(looksLikeHeader)) headers.add(key);
  }
  return headers;
}

/** The normalized form two occurrences of one header share: digits masked, spacing and case ignored. */
export function headerKey(line: string): string {
  return normalizeSpacing(line).replace(/\d+/g, '#');
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

function normalizeSpacing(line: string): string {
  return line.trim().replace(/\s+/g, ' ').toLowerCase();
}

// Headers are short labels ("Journal of Cosmology 10 (2008) 003 7"), not sentences ending in a full stop.
function looksLikeHeader(line: string): boolean {
  if (line.length > MAX_NUMBERED_HEADER_LENGTH) return false;
  const words = line.match(/\p{L}{2,}/gu) ?? [];
  const endsLikeSentence = /[.!?:]$/.test(line);
  return !(endsLikeSentence && words.length >= 4);
}

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
