/** pdf-parse puts TABs between the words of justified lines; one space reads the same and costs less. */
export function replaceTabs(text: string): { text: string; replaced: number } {
  let replaced = 0;
  const spaced = text.replace(/[ \t]*\t[ \t]*/g, () => {
    replaced += 1;
    return ' ';
  });
  // Trailing blanks would hide a line-final hyphen from joinHyphenatedWords.
  return { text: spaced.replace(/[ \t]+$/gm, ''), replaced };
}
