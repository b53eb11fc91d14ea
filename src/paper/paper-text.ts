/** A paper's cleaned text as the pipeline carries it from extraction to the model. */
export interface PaperText {
  pageCount: number;
  text: string;
  referencesRemoved: boolean;
  /** Milliseconds spent downloading and extracting; 0 when both came from the cache. */
  downloadMs: number;
  extractMs: number;
  fromCache: boolean;
}
