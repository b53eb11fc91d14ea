import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UsageError } from '../errors/brief-error.js';

/** A PDF on disk, as `summarize text` reads it; a missing file is the user's typo. */
export async function readPdfFile(path: string): Promise<{ name: string; bytes: Uint8Array }> {
  try {
    const bytes = await readFile(path);
    return { name: basename(path), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code ?? error);
    throw new UsageError(`cannot read ${path}: ${reason}`, { cause: error });
  }
}
