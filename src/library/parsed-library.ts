import type { LibraryItem } from './library-item.js';

/** What a format's parser read from a library file: the papers, and how many entries it could not use (no title, broken). */
export interface ParsedLibrary {
  items: LibraryItem[];
  skipped: number;
}
