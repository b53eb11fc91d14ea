import { decodeLibraryText } from './decode-library-text.js';
import { LibraryFileError } from './library-file-error.js';
import { MAX_LIBRARY_FILE_BYTES, describeLibraryFileSize } from './max-library-file-bytes.js';
import { parseBibtexLibrary } from './parse-bibtex-library.js';
import { parseCslJsonLibrary } from './parse-csl-json-library.js';
import { looksLikeRis, parseRisLibrary } from './parse-ris-library.js';
import { looksLikeZoteroRdf, parseZoteroRdfLibrary } from './parse-zotero-rdf-library.js';
import type { ParsedLibrary } from './parsed-library.js';

/** The formats a library file may be in, as a person names them. */
export type LibraryFormat = 'BibTeX' | 'RIS' | 'CSL JSON' | 'Zotero RDF';

/** A library file read: its format, its papers, and how many entries were left out (no title, broken). */
export interface LibraryFile extends ParsedLibrary {
  format: LibraryFormat;
}

/**
 * Reads a reader's library export. The format is told from the content, whatever the file's name: JSON is CSL JSON,
 * an `rdf:RDF` root with Zotero's namespace Zotero RDF, a `TY  - ` line RIS, an `@type{` BibTeX. A file in none of
 * them, too large, or with no paper in it is refused with a `LibraryFileError` naming `fileName`, what is wrong and
 * how to export one that works.
 */
export function parseLibraryFile(bytes: Uint8Array, fileName: string): LibraryFile {
  if (bytes.length > MAX_LIBRARY_FILE_BYTES) throw new LibraryFileError(fileName, describeLibraryFileSize(bytes.length));
  const text = decodeLibraryText(bytes, fileName);
  if (text.trim() === '') throw new LibraryFileError(fileName, 'is empty');
  const format = detectFormat(text, fileName);
  const parsed = PARSERS[format](text, fileName);
  if (parsed.items.length === 0) {
    throw new LibraryFileError(fileName, `is ${format} but has no paper with a title in it${parsed.skipped > 0 ? ` (${parsed.skipped} ${parsed.skipped === 1 ? 'entry' : 'entries'} without a title or not closed)` : ''}`);
  }
  return { format, ...parsed };
}

// --- internal ---

const PARSERS: Record<LibraryFormat, (text: string, fileName: string) => ParsedLibrary> = {
  BibTeX: parseBibtexLibrary,
  RIS: parseRisLibrary,
  'CSL JSON': parseCslJsonLibrary,
  'Zotero RDF': parseZoteroRdfLibrary,
};

function detectFormat(text: string, fileName: string): LibraryFormat {
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'CSL JSON';
  if (looksLikeZoteroRdf(start)) return 'Zotero RDF';
  if (looksLikeRis(text)) return 'RIS';
  if (/@\s*[A-Za-z]+\s*[{(]/.test(text)) return 'BibTeX';
  throw new LibraryFileError(fileName, `is not BibTeX, RIS, CSL JSON or Zotero RDF (it starts ${JSON.stringify(start.slice(0, 40))})${describeOtherFormat(start)}`);
}

// Exports a reader may try first, each named so they know which menu entry to pick instead.
function describeOtherFormat(start: string): string {
  if (start.startsWith('<')) return ': it looks like XML or HTML';
  if (/^%0 /m.test(start.slice(0, 2_000))) return ': it looks like EndNote tagged text (.enw)';
  if (/^PMID-/m.test(start.slice(0, 2_000))) return ': it looks like MEDLINE/PubMed text';
  return '';
}
