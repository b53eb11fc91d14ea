import type { LibraryItem } from '../library/library-item.js';
import type { Vote } from './reader.js';

/** Everything an active reader told us about their taste, for ranking their own copy. */
export interface ReaderSignals {
  readerId: number;
  address: string;
  /** Their last vote on each paper, oldest first; `at` is ISO 8601. */
  votes: { paperId: string; vote: Vote; at: string }[];
  /** Their library as last imported, in the file's order. */
  library: LibraryItem[];
  /** Keywords whose papers they never want to see, in the order added. */
  never: string[];
  /** Authors whose papers they always want to see, in the order added. */
  follow: string[];
}
