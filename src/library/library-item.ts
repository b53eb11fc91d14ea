/** One paper of a reader's own library (a Zotero or JabRef export), as the ranking reads it. */
export interface LibraryItem {
  title: string;
  /** Empty when the export has none. */
  abstract: string;
  /** As written in the export ("Ada Lovelace", "Lovelace, Ada" turned into "Ada Lovelace"). */
  authors: string[];
  /** The new-style or old-style arXiv ID without its version, when the export names one. */
  arxivId: string | null;
  /** When the reader added it (ISO 8601), when the export says: the ranking weighs recent additions more. */
  addedAt: string | null;
}
