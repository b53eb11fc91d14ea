/** Why a pick scored what it did, as plain data: `summarize readers explain` prints it. */
export interface ScoreParts {
  /** The shared ranking's score (null when the shared ranking did not score the paper). */
  sharedScore: number | null;
  /** The shared score's place among the day's candidates, 0 (last) to 1 (first). */
  sharedPercentile: number;
  /** The reader's model: the chance it gives that they like the paper, 0 to 1 (null without a model). */
  modelScore: number | null;
  /** The model score's place among the day's candidates, 0 (last) to 1 (first). */
  modelPercentile: number | null;
  /** How much the model counts against the shared ranking, 0 to 1. */
  modelWeight: number;
  /** The liked paper (👍 or library) most like this one, its title on one line, and how alike (cosine of the features). */
  nearestLiked: { title: string; similarity: number } | null;
  /** The features the model read. */
  features: 'embeddings' | 'tf-idf' | 'none';
  /** The explicit rule that placed the paper, if any. */
  rule: { kind: 'follow'; author: string } | null;
}
