/** At most one blank line in a row (a paragraph break); no blank lines at the start or end. */
export function collapseBlankLines(text: string): { text: string; collapsed: number } {
  let collapsed = 0;
  const result = text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, () => {
      collapsed += 1;
      return '\n\n';
    })
    .replace(/^\n+|\n+$/g, '');
  return { text: result, collapsed };
}
