import { LibraryFileError } from './library-file-error.js';

/**
 * The file's bytes as text: UTF-8 (a byte-order mark dropped), or UTF-16 when it starts with one of its byte-order
 * marks, as Windows tools save "Unicode" text. Anything else that is not valid UTF-8 is refused rather than guessed at.
 */
export function decodeLibraryText(bytes: Uint8Array, fileName: string): string {
  const encoding = detectEncoding(bytes);
  if (encoding === 'utf-16-without-mark') throw new LibraryFileError(fileName, 'looks like UTF-16 text without a byte-order mark, which cannot be read safely; save it as UTF-8');
  try {
    // TextDecoder drops the byte-order mark of the encoding it decodes.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new LibraryFileError(fileName, `is not text (not valid ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'}): ${describeBinary(bytes)}`);
  }
}

// --- internal ---

function detectEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-16-without-mark' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // ASCII text in UTF-16 has a zero byte in every other place; UTF-8 text has none.
  const sample = bytes.subarray(0, 1_000);
  const zeros = sample.reduce((count, byte) => count + (byte === 0 ? 1 : 0), 0);
  return sample.length >= 4 && zeros >= sample.length / 4 ? 'utf-16-without-mark' : 'utf-8';
}

function describeBinary(bytes: Uint8Array): string {
  const start = String.fromCharCode(...bytes.subarray(0, 5));
  if (start.startsWith('PK')) return 'it is a ZIP archive, perhaps a Zotero export with its files; export without "Export Files"';
  if (start === '%PDF-') return 'it is a PDF, not a list of papers';
  if (start.startsWith('SQLit')) return 'it is a database, perhaps zotero.sqlite itself, which Zotero keeps locked and private';
  return 'it may be a binary file';
}
