import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { BriefError } from '../errors/brief-error.js';
import { LibraryFileError } from './library-file-error.js';
import { MAX_LIBRARY_FILE_BYTES, describeLibraryFileSize } from './max-library-file-bytes.js';
import { type LibraryFile, parseLibraryFile } from './parse-library-file.js';

/** Reads and parses the library file at `path`, its size checked before a byte is read: a 2 GB mistake costs nothing. */
export function readLibraryFile(path: string): LibraryFile {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch (error) {
    throw new BriefError(`${path}: cannot read the library file (${(error as NodeJS.ErrnoException).code ?? String(error)}): check the path, and that this user may read it`, { cause: error });
  }
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) throw new LibraryFileError(path, 'is a folder, not a file');
    if (stats.size > MAX_LIBRARY_FILE_BYTES) throw new LibraryFileError(path, describeLibraryFileSize(stats.size));
    return parseLibraryFile(readFileSync(descriptor), path);
  } finally {
    closeSync(descriptor);
  }
}
