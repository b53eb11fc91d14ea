import { stripControlCharacters } from '../strip-control-characters.js';

/** Removes characters a model cannot use and that break matching (see stripControlCharacters); CR/CRLF become newlines. */
export function stripControlChars(text: string): { text: string; removed: number } {
  const unified = text.replace(/\r\n?/g, '\n');
  const stripped = stripControlCharacters(unified);
  return { text: stripped, removed: unified.length - stripped.length };
}
