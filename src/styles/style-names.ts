import { UsageError } from '../errors/brief-error.js';

/** The styles a paper can be written in. The brief is always made: the others are written from it. */
export const STYLE_NAMES = ['brief', 'podcast'] as const;
export type StyleName = (typeof STYLE_NAMES)[number];

/** `--style brief,podcast` or SUMMARIZE_STYLES: the styles asked for, the brief first; an unknown name is a usage error listing the known ones. */
export function parseStyleNames(value: string, origin: string): StyleName[] {
  const names = value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !(STYLE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(`${origin}: unknown style ${JSON.stringify(unknown[0] ?? value)}; the styles are ${STYLE_NAMES.join(', ')} (comma-separated)`);
  }
  return ['brief', ...new Set(names.filter((name): name is StyleName => name !== 'brief'))];
}
