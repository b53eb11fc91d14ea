export interface StripControlCharactersOptions {
  /** Keep TAB (U+0009). Default: true. */
  keepTabs?: boolean;
  /** Keep LF (U+000A). Default: true. CR always goes: alone it moves the cursor, and CRLF text should be unified first. */
  keepNewlines?: boolean;
  /** Put in place of each removed character; a space keeps words apart. Default: `''`. */
  replacement?: string;
}

/**
 * Removes the characters that never belong in text we read or print. The one documented range:
 * - C0 controls U+0000–U+001F (TAB and LF kept unless told otherwise), DEL and C1 U+007F–U+009F;
 * - invisible format characters: soft hyphen U+00AD, zero-width space, non-joiner and joiner
 *   U+200B–U+200D, word joiner U+2060, byte-order mark U+FEFF; a joiner between two emoji stays, as it
 *   makes them one (👩 U+200D 🔬 is 👩‍🔬, the woman scientist);
 * - bidirectional controls U+202A–U+202E and U+2066–U+2069, which can make a title read backwards
 *   (U+202E, the right-to-left override, turns "txt.exe" into "exe.txt" on screen).
 */
export function stripControlCharacters(text: string, options: StripControlCharactersOptions = {}): string {
  const { keepTabs = true, keepNewlines = true, replacement = '' } = options;
  return text.replace(CONTROL_CHARACTERS, (character: string, offset: number) => {
    if (character === '\t' && keepTabs) return character;
    if (character === ZERO_WIDTH_JOINER && joinsEmoji(text, offset)) return character;
    if (character === '\n' && keepNewlines) return character;
    return replacement;
  });
}

// --- internal ---

const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;
const ZERO_WIDTH_JOINER = '\u200D';
// An emoji, with the variation selector or skin tone that may follow it, ends right before the joiner; another starts after it.
const EMOJI_BEFORE = /\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]?$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;

function joinsEmoji(text: string, offset: number): boolean {
  return EMOJI_BEFORE.test(text.slice(Math.max(0, offset - 4), offset)) && EMOJI_AFTER.test(text.slice(offset + 1, offset + 3));
}
