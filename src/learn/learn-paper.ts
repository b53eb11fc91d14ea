/** A paper as a reader's model reads it: a candidate, a voted paper, a library item or a background paper. */
export interface LearnPaper {
  /** The arXiv ID (without version) for an arXiv paper; any stable key for a library item without one. */
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  /** The same embedding rank/ uses (and caches); used only when every paper of the call has one of one length. */
  embedding?: readonly number[];
}
