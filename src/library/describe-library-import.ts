import type { LibraryFile } from './parse-library-file.js';

/** The line a person reads after an import: "Added 42 papers to ada@example.org's library (BibTeX); 3 without an abstract". */
export function describeLibraryImport(address: string, library: LibraryFile, replaced: number): string {
  const { items, format, skipped } = library;
  const withoutAbstract = items.filter((item) => item.abstract === '').length;
  const notes = [
    ...(withoutAbstract > 0 ? [`${withoutAbstract} without an abstract`] : []),
    ...(skipped > 0 ? [`${skipped} ${skipped === 1 ? 'entry' : 'entries'} skipped (no title, or not closed)`] : []),
  ];
  const instead = replaced > 0 ? ` in place of the ${replaced} it had` : '';
  return `Added ${items.length} paper${items.length === 1 ? '' : 's'} to ${address}'s library (${format})${instead}${notes.map((note) => `; ${note}`).join('')}`;
}
