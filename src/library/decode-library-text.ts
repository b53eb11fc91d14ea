import { decodeTextFile } from '../text/decode-text-file.js';
import { LibraryFileError } from './library-file-error.js';

/**
 * The file's bytes as text: UTF-8 (a byte-order mark dropped), or UTF-16 when it starts with one of its byte-order
 * marks, as Windows tools save "Unicode" text. Anything else that is not valid UTF-8 is refused rather than guessed at.
 */
export function decodeLibraryText(bytes: Uint8Array, fileName: string): string {
  const text = decodeTextFile(bytes);
  if (text !== undefined) return text;
  if (looksLikeUtf16WithoutMark(bytes)) throw new LibraryFileError(fileName, 'looks like UTF-16 text without a byte-order mark, which cannot be read safely; save it as UTF-8');
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  throw new LibraryFileError(fileName, `is not text (not valid ${utf16 ? 'UTF-16' : 'UTF-8'}): ${describeBinary(bytes)}`);
}

// --- internal ---

// ASCII text in UTF-16 has a zero byte in every other place; UTF-8 text has none.
function looksLikeUtf16WithoutMark(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 1_000);
  const zeros = sample.reduce((count, byte) => count + (byte === 0 ? 1 : 0), 0);
  return sample.length >= 4 && zeros >= sample.length / 4;
}

function describeBinary(bytes: Uint8Array): string {
  const start = String.fromCharCode(...bytes.subarray(0, 5));
  if (start.startsWith('PK')) return 'it is a ZIP archive, perhaps a Zotero export with its files; export without "Export Files"';
  if (start === '%PDF-') return 'it is a PDF, not a list of papers';
  if (start.startsWith('SQLit')) return 'it is a database, perhaps zotero.sqlite itself, which Zotero keeps locked and private';
  return 'it may be a binary file';
}
