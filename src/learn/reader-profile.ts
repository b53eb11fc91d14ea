import type { LearnPaper } from './learn-paper.js';

/** What one reader told us, with the papers resolved: what their model learns from and the rules it obeys. */
export interface ReaderProfile {
  /** `at` is ISO 8601: older votes count less (the half-life). */
  votes: { paper: LearnPaper; vote: 'up' | 'down'; at: string }[];
  /** Their own library; an item without `addedAt` counts as added now. */
  library: { paper: LearnPaper; addedAt: string | null }[];
  /** Keywords (whole words, any case) whose papers are dropped. */
  never: string[];
  /** Authors whose papers always show, at the top. */
  follow: string[];
}
