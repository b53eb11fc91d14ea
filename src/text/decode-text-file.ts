/**
 * A text file's contents, decoded by its byte-order mark (UTF-8, UTF-16 LE as Notepad saves, UTF-16 BE), else as
 * UTF-8; `undefined` for what is no text (NUL bytes or invalid UTF-8), so the caller can name the file.
 */
export function decodeTextFile(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2));
  if (bytes.includes(0)) return undefined;
  return decode('utf-8', bytes);
}

// --- internal ---

function decode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
