/** C0/C1 controls (except TAB and newline), NUL, soft hyphens, zero-width and BOM characters. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Removes characters a model cannot use and that break matching; CR/CRLF become newlines. */
export function stripControlChars(text: string): { text: string; removed: number } {
  let removed = 0;
  const stripped = text.replace(/\r\n?/g, '\n').replace(INVISIBLE, () => {
    removed += 1;
    return '';
  });
  return { text: stripped, removed };
}
