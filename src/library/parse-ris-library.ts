import { findArxivId } from './find-arxiv-id.js';
import type { LibraryItem } from './library-item.js';
import { normalizeAuthorName } from './normalize-author-name.js';
import type { ParsedLibrary } from './parsed-library.js';
import { parseLibraryDate } from './parse-library-date.js';

/**
 * The papers of an RIS file (Zotero, Mendeley, EndNote): records from `TY  - ` to `ER  - `, a tag a line, a line
 * without a tag continuing the one before. A record without a title, or not closed by `ER`, is skipped.
 */
export function parseRisLibrary(text: string): ParsedLibrary {
  const items: LibraryItem[] = [];
  let skipped = 0;
  let record: Map<string, string[]> | undefined;
  let lastTag = '';
  for (const line of text.split(/\r\n?|\n/)) {
    const tagged = line.match(TAGGED_LINE);
    if (tagged === null) {
      // A wrapped abstract goes on under no tag.
      const values = record?.get(lastTag);
      if (values !== undefined && line.trim() !== '') values[values.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const [, tag = '', value = ''] = tagged;
    if (tag === 'TY') {
      if (record !== undefined) skipped++;
      record = new Map();
    } else if (tag === 'ER') {
      const item = record && toLibraryItem(record);
      if (item === undefined) skipped++;
      else items.push(item);
      record = undefined;
    } else if (record !== undefined) {
      record.set(tag, [...(record.get(tag) ?? []), value.trim()]);
      lastTag = tag;
    }
  }
  return { items, skipped: skipped + (record === undefined ? 0 : 1) };
}

/** Whether the text holds an RIS record: a `TY  - ` line, as every record starts with. */
export function looksLikeRis(text: string): boolean {
  return /^TY {1,2}- ?\S/m.test(text.slice(0, 100_000));
}

// --- internal ---

// "AU  - Lovelace, Ada": two characters, two spaces, a dash; some exporters write one space or none after the dash.
const TAGGED_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|)$/;

function toLibraryItem(record: Map<string, string[]>): LibraryItem | undefined {
  const first = (...tags: string[]) => tags.map((tag) => record.get(tag)?.[0]).find((value) => value !== undefined && value !== '');
  const title = first('TI', 'T1', 'CT', 'BT')?.replace(/\s+/g, ' ');
  if (title === undefined) return undefined;
  return {
    title,
    abstract: first('AB', 'N2')?.replace(/\s+/g, ' ') ?? '',
    authors: ['AU', 'A1'].flatMap((tag) => record.get(tag) ?? []).map((name) => normalizeAuthorName(name.split(','))).filter((name) => name !== ''),
    arxivId: findArxivId(['UR', 'L1', 'DO', 'M3', 'N1', 'SN', 'JO', 'T2', 'ID'].flatMap((tag) => record.get(tag) ?? [])),
    // Y2 is the day the reader accessed (Zotero writes it as they add); DA or PY, the day of publishing, comes after.
    addedAt: ['Y2', 'DA', 'PY', 'Y1'].map((tag) => parseLibraryDate(first(tag))).find((date) => date !== null) ?? null,
  };
}
