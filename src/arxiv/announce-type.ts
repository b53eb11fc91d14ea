import { UsageError } from '../errors/brief-error.js';

/** The kinds of entry on arXiv's announcement list: new submissions, cross-lists, and replacements of either. */
export const ANNOUNCE_TYPES = ['new', 'cross', 'replace', 'replace-cross'] as const;
export type AnnounceType = (typeof ANNOUNCE_TYPES)[number];

/** Reads `--announce new,cross`; an unknown type is a usage error naming the known ones. */
export function parseAnnounceTypes(text: string): AnnounceType[] {
  const types = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (types.length === 0) throw new UsageError(`--announce needs at least one type: ${ANNOUNCE_TYPES.join(', ')}`);
  for (const type of types) {
    if (!isAnnounceType(type)) {
      throw new UsageError(`--announce: unknown announcement type ${JSON.stringify(type)}; expected one or more of ${ANNOUNCE_TYPES.join(', ')}, comma-separated`);
    }
  }
  return [...new Set(types as AnnounceType[])];
}

/** True for one of arXiv's `<arxiv:announce_type>` values. */
export function isAnnounceType(text: string): text is AnnounceType {
  return (ANNOUNCE_TYPES as readonly string[]).includes(text);
}
