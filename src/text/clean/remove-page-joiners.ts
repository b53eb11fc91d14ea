/** The `-- 3 of 12 --` line pdf-parse adds after each page unless told otherwise. */
const PAGE_JOINER = /^-- \d+ of \d+ --$\n?/gm;

export function removePageJoiners(text: string): { text: string; removed: number } {
  let removed = 0;
  const result = text.replace(PAGE_JOINER, () => {
    removed += 1;
    return '';
  });
  return { text: result, removed };
}
