import { stripControlCharacters } from '../../text/strip-control-characters.js';

export interface TerminalTextOptions {
  /** Collapse newlines and runs of spaces (arXiv titles carry line breaks). Default: false. */
  singleLine?: boolean;
  /** Cut with `…` beyond this many characters. Default: no limit. */
  maxLength?: number;
}

/**
 * Text from outside (titles, error messages) made safe to print: escape sequences and control
 * characters removed, so a title cannot move the cursor, corrupt the progress bar or put ANSI codes
 * in cron mail.
 */
export function toTerminalText(text: string, options: TerminalTextOptions = {}): string {
  let cleaned = stripControlCharacters(text.replace(ESCAPE_SEQUENCE, ''), {
    keepTabs: false,
    keepNewlines: !options.singleLine,
    replacement: ' ',
  });
  if (options.singleLine) cleaned = cleaned.replace(/\s+/g, ' ').trim();
  const characters = Array.from(cleaned);
  if (options.maxLength !== undefined && characters.length > options.maxLength) {
    return `${characters.slice(0, Math.max(0, options.maxLength - 1)).join('').trimEnd()}…`;
  }
  return cleaned;
}

// --- internal ---

// CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), and two-character escapes.
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]/g;
