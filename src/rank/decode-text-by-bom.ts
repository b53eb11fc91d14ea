/**
 * Decodes a text file by its byte-order mark (Notepad saves "Unicode" as UTF-16 LE), else as UTF-8.
 * Null when the bytes are no text: a NUL byte, or invalid UTF-8 (an image, a PDF, a zip).
 */
export function decodeTextByBom(bytes: Uint8Array): string | null {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  let text: string;
  try {
    // ignoreBOM false (the default) drops the mark itself.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return text.includes('\0') ? null : text;
}
