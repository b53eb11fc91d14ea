import { BriefError } from '../errors/brief-error.js';

/** A library file we cannot use (exit 1: the command was right, the file is not): its name, what is wrong, and how to get one we can. */
export class LibraryFileError extends BriefError {
  constructor(
    readonly fileName: string,
    readonly problem: string,
  ) {
    super(`${fileName}: ${problem}; ${LIBRARY_EXPORT_HINT}`);
  }
}

// --- internal ---

// How to get a file we can read, said after every problem with one.
const LIBRARY_EXPORT_HINT = 'export your library from Zotero (File → Export Library…) or JabRef as BibTeX, RIS or CSL JSON';
