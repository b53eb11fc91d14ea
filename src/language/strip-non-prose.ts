/**
 * A text with only its prose left: TeX math and commands, URLs, Greek letters (the variables of formulas),
 * numbers, symbols, acronyms and identifiers (`GPT-4`, `LoRA`, `x_i`) removed, so a detector judges the words.
 */
export function stripNonProse(text: string): string {
  return text
    .replace(/\$\$[\s\S]*?\$\$|\$[^$\n]*\$|\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\]/g, ' ')
    .replace(/\\[A-Za-z]+\*?/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\p{Script=Greek}/gu, ' ')
    .replace(/[\p{Script=Latin}\d][\p{Script=Latin}\p{M}\d_'’-]*/gu, (token) => (isLatinWord(token) ? token : ' '))
    .replace(/[^\p{L}\p{M}\s.,;:!?'’"“”()、，。；：！？「」（）]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// --- internal ---

// A word of prose: letters only (an apostrophe or hyphen inside), at most its first letter capital.
function isLatinWord(token: string): boolean {
  if ([...token].length < 2 || /[\d_]/.test(token)) return false;
  return !/\p{Lu}/u.test(token.slice(1));
}
