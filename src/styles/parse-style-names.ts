import { UsageError } from '../errors/brief-error.js';
import { STYLE_NAMES, type StyleName } from './style-names.js';

/** `--style brief,blurb`: the names, checked before any request so a typo costs nothing. */
export function parseStyleNames(value: string): StyleName[] {
  const names = [...new Set(value.split(',').map((name) => name.trim()).filter(Boolean))];
  const unknown = names.filter((name) => !(STYLE_NAMES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(`--style: ${unknown.length > 0 ? `unknown style ${JSON.stringify(unknown[0])}` : 'no style given'}; expected a comma-separated list of ${STYLE_NAMES.join(', ')}`);
  }
  return names as StyleName[];
}
