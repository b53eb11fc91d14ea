import { UsageError } from '../errors/brief-error.js';
import { STYLE_NAMES, type StyleName } from './style-names.js';

/** `--style brief,blurb` or SUMMARIZE_STYLES: the names, checked before any request so a typo costs nothing. */
export function parseStyleNames(value: string, origin = '--style'): StyleName[] {
  const names = [...new Set(value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean))];
  const unknown = names.filter((name) => !(STYLE_NAMES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(`${origin}: ${unknown.length > 0 ? `unknown style ${JSON.stringify(unknown[0])}` : 'no style given'}; the styles are ${STYLE_NAMES.join(', ')} (comma-separated)`);
  }
  return names as StyleName[];
}
