import { z } from 'zod';
import { findArxivId } from './find-arxiv-id.js';
import type { LibraryItem } from './library-item.js';
import { LibraryFileError } from './library-file-error.js';
import { normalizeAuthorName } from './normalize-author-name.js';
import type { ParsedLibrary } from './parsed-library.js';
import { parseCslDate } from './parse-library-date.js';

/**
 * The papers of a CSL JSON file (Zotero's "Export as CSL JSON", Mendeley, citation.js): an array of items, or one
 * item alone. An item without a title is skipped; a file that is JSON but not a list of items is refused.
 */
export function parseCslJsonLibrary(text: string, fileName: string): ParsedLibrary {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LibraryFileError(fileName, `looks like JSON but is not valid JSON (${(error as Error).message})`);
  }
  const list = Array.isArray(json) ? json : [json];
  if (!list.every((entry) => typeof entry === 'object' && entry !== null && !Array.isArray(entry))) throw new LibraryFileError(fileName, 'is JSON but not a list of CSL JSON items (objects with a title)');
  const items = list.map((entry) => CSL_ITEM.safeParse(entry)).map((result) => (result.success ? toLibraryItem(result.data) : undefined));
  const found = items.filter((item): item is LibraryItem => item !== undefined);
  if (found.length === 0 && list.length > 0 && !list.some((entry) => 'title' in entry || 'type' in entry)) throw new LibraryFileError(fileName, 'is JSON but not CSL JSON: its objects have no "title" or "type"');
  return { items: found, skipped: list.length - found.length };
}

// --- internal ---

// Only what the ranking reads; every other field of an item is let through unread.
const CSL_NAME = z.object({ family: z.string().optional(), given: z.string().optional(), literal: z.string().optional(), suffix: z.string().optional() });
const CSL_ITEM = z.object({
  title: z.string().optional(),
  abstract: z.string().optional(),
  author: z.array(CSL_NAME).optional(),
  URL: z.string().optional(),
  DOI: z.string().optional(),
  number: z.union([z.string(), z.number()]).optional(),
  note: z.string().optional(),
  'container-title': z.string().optional(),
  accessed: z.unknown().optional(),
  issued: z.unknown().optional(),
});

function toLibraryItem(item: z.infer<typeof CSL_ITEM>): LibraryItem | undefined {
  const title = item.title?.replace(/\s+/g, ' ').trim() ?? '';
  if (title === '') return undefined;
  return {
    title,
    abstract: item.abstract?.replace(/\s+/g, ' ').trim() ?? '',
    authors: (item.author ?? []).map((name) => name.literal?.trim() || normalizeAuthorName([name.family ?? '', ...(name.suffix ? [name.suffix] : []), name.given ?? ''])).filter((name) => name !== ''),
    arxivId: findArxivId([item.number === undefined ? undefined : String(item.number), item.URL, item.DOI, item.note, item['container-title']]),
    // `accessed` is the day Zotero saved it; `issued`, the day of publishing, is the closest thing otherwise.
    addedAt: parseCslDate(item.accessed) ?? parseCslDate(item.issued),
  };
}
