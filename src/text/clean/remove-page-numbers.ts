/** A line that is only a page number: `7`, `- 7 -`, `Page 7`, `7 of 12`. */
const PAGE_NUMBER = /^(?:-\s*\d{1,4}\s*-|(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?)$/i;

/** Removes a bare page number when it is the first or the last line of a page. */
export function removePageNumbers(pages: string[]): { pages: string[]; removed: number } {
  let removed = 0;
  const cleaned = pages.map((page) => {
    const lines = page.split('\n');
    const first = lines.findIndex((line) => line.trim() !== '');
    const last = lines.findLastIndex((line) => line.trim() !== '');
    const drop = new Set<number>();
    for (const index of [first, last]) {
      if (index !== -1 && PAGE_NUMBER.test(lines[index]!.trim())) drop.add(index);
    }
    removed += drop.size;
    return drop.size === 0 ? page : lines.filter((_line, index) => !drop.has(index)).join('\n');
  });
  return { pages: cleaned, removed };
}
