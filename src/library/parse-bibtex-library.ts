import { findArxivId } from './find-arxiv-id.js';
import { latexToUnicode } from './latex-to-unicode.js';
import type { LibraryItem } from './library-item.js';
import type { ParsedLibrary } from './parsed-library.js';
import { normalizeAuthorName } from './normalize-author-name.js';
import { parseBibtexEntries, type BibtexEntry } from './parse-bibtex-entries.js';
import { parseLibraryDate } from './parse-library-date.js';
import { splitAtTopLevel } from './split-at-top-level.js';

/** The papers of a BibTeX or BibLaTeX file (Zotero, Better BibTeX, JabRef, BibDesk); an entry without a title is skipped. */
export function parseBibtexLibrary(text: string): ParsedLibrary {
  const { entries, unreadable } = parseBibtexEntries(text);
  const items = entries.map(toLibraryItem);
  const found = items.filter((item): item is LibraryItem => item !== undefined);
  return { items: found, skipped: unreadable + items.length - found.length };
}

// --- internal ---

// Where exports keep the day the reader added the paper, best first: BibDesk, JabRef, JabRef 5, Zotero's "accessed".
const ADDED_FIELDS = ['date-added', 'timestamp', 'creationdate', 'added-at', 'urldate'];

function toLibraryItem(entry: BibtexEntry): LibraryItem | undefined {
  const field = (name: string) => entry.fields.get(name);
  const title = latexToUnicode(field('title') ?? '');
  if (title === '') return undefined;
  const eprintIsArxiv = /arxiv/i.test(`${field('archiveprefix') ?? ''}${field('eprinttype') ?? ''}`) || field('archiveprefix') === undefined;
  return {
    title,
    abstract: latexToUnicode(field('abstract') ?? ''),
    authors: readAuthors(field('author') ?? ''),
    arxivId:
      findArxivId([field('arxiv'), field('arxivid')], { bare: true }) ??
      (eprintIsArxiv ? findArxivId([field('eprint')], { bare: true }) : null) ??
      findArxivId(['url', 'doi', 'note', 'journal', 'journaltitle', 'number', 'howpublished', 'eprint'].map(field)),
    addedAt: ADDED_FIELDS.map((name) => parseLibraryDate(field(name))).find((date) => date !== null) ?? readPublished(entry),
  };
}

function readAuthors(raw: string): string[] {
  return splitAtTopLevel(raw.trim(), /^\s+and\s+/i)
    .map((name) => normalizeAuthorName(splitAtTopLevel(name, /^,/).map(latexToUnicode)))
    .filter((name) => name !== '' && name.toLowerCase() !== 'others');
}

// No day of adding: the day of publishing is the closest thing known (a paper is added after it appears).
function readPublished(entry: BibtexEntry): string | null {
  const date = parseLibraryDate(entry.fields.get('date'));
  if (date !== null) return date;
  const year = entry.fields.get('year')?.trim();
  if (year === undefined || !/^\d{4}$/.test(year)) return null;
  const month = Number(entry.fields.get('month')?.trim());
  return parseLibraryDate(month >= 1 && month <= 12 ? `${year}-${month}` : year);
}
