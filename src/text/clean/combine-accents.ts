/** TeX fonts draw accents as separate glyphs; pdf.js emits them as spacing diacritics. */
const COMBINING_BY_SPACING: Record<string, string> = {
  '\u00A8': '\u0308', // ¨ diaeresis
  '\u00B4': '\u0301', // ´ acute
  '\u02C6': '\u0302', // ˆ circumflex
  '\u02DC': '\u0303', // ˜ tilde
  '\u00AF': '\u0304', // ¯ macron (also physics bars: K̄)
  '\u02D8': '\u0306', // ˘ breve
  '\u02D9': '\u0307', // ˙ dot above
  '\u02DA': '\u030A', // ˚ ring
  '\u02DD': '\u030B', // ˝ double acute
  '\u02C7': '\u030C', // ˇ caron
  '\u00B8': '\u0327', // ¸ cedilla
  '\u02DB': '\u0328', // ˛ ogonek
  '`': '\u0300', // grave, only in the narrow pattern below since backticks also open TeX quotes
};

/** Accent glyph then its letter (what pdf.js usually gives), a TAB possibly between them. */
const ACCENT_BEFORE = /([\u00A8\u00B4\u02C6\u02DC\u00AF\u02D8\u02D9\u02DA\u02DD\u02C7\u00B8\u02DB])\t?(\p{L})/gu;
/** Letter then accent, when the accent ends the word (no letter follows to take it). */
const ACCENT_AFTER = /(\p{L})([\u00A8\u00B4\u02C6\u02DC\u02D8\u02D9\u02DA\u02DD\u02C7\u00B8\u02DB])(?!\p{L})/gu;
/** A grave accent inside a word, before a vowel: "M`ecanique". */
const GRAVE_IN_WORD = /(?<=\p{L})`([aeiouAEIOU])/gu;

/** Rebuilds "Schr¨odinger" → "Schrödinger", "Lemaˆıtre" → "Lemaître", "¯K" → "K̄". */
export function combineAccents(text: string): { text: string; combined: number } {
  let combined = 0;
  const combine = (letter: string, spacing: string): string => {
    combined += 1;
    // The dotless forms exist because the accent replaced the dot; the composed letter has neither.
    const base = letter === 'ı' ? 'i' : letter === 'ȷ' ? 'j' : letter;
    return `${base}${COMBINING_BY_SPACING[spacing] ?? ''}`.normalize('NFC');
  };
  const result = text
    .replace(ACCENT_BEFORE, (_match, spacing: string, letter: string) => combine(letter, spacing))
    .replace(GRAVE_IN_WORD, (_match, letter: string) => combine(letter, '`'))
    .replace(ACCENT_AFTER, (_match, letter: string, spacing: string) => combine(letter, spacing));
  return { text: result, combined };
}
