import { buildFeatureSpace } from '../../src/learn/build-feature-space.js';
import { countExplorePicks } from '../../src/learn/count-explore-picks.js';
import type { LearnPaper } from '../../src/learn/learn-paper.js';
import { rankForReader } from '../../src/learn/rank-for-reader.js';
import { dotDense } from '../../src/learn/sparse-vector.js';
import { scoreByKeywords } from '../../src/rank/score-by-keywords.js';
import { trainLinearSvm } from './train-linear-svm.js';

/** What every method knows on a day: the candidates, the shared ranking, the papers of earlier days. */
export interface BenchDay {
  index: number;
  now: Date;
  candidates: readonly LearnPaper[];
  shared: ReadonlyMap<string, { score: number; reason: string }>;
  /** The shared ranking's order of the candidates. */
  sharedOrder: readonly string[];
  /** Every candidate of the earlier days (arxiv-sanity's "rest of the database"). */
  earlier: readonly LearnPaper[];
  /** The day before's candidates: the background ours samples negatives from. */
  dayBefore: readonly LearnPaper[];
}

/** A simulated reader's signals so far. */
export interface BenchReaderSignals {
  library: readonly { paper: LearnPaper; addedAt: string }[];
  votes: readonly { paper: LearnPaper; vote: 'up' | 'down'; at: string }[];
}

/** A reader's copy of the day: their own order (paper IDs, best first; the copy shows its first `BENCH_READER_TOP`), and the explore picks shown in addition. */
export interface BenchCopy {
  own: string[];
  explore: string[];
}

/** A method: the reader's copy of the day. */
export type BenchRanker = (day: BenchDay, reader: BenchReaderSignals, random: () => number) => BenchCopy;

/** The reader's own top N in the bench: ten, so NDCG@10 scores exactly the picks the copy shows as theirs. */
export const BENCH_READER_TOP = 10;

/** The rows of the table, in the order they print. */
export const BENCH_RANKERS: ReadonlyArray<{ name: string; rank: BenchRanker }> = [
  { name: 'shared interests ranking', rank: (day) => ({ own: [...day.sharedOrder], explore: [] }) },
  { name: 'BM25 on the library', rank: (day, reader) => ({ own: rankByLibraryBm25(day, reader), explore: [] }) },
  { name: 'arxiv-sanity SVM (TF-IDF)', rank: (day, reader, random) => ({ own: rankBySvm(day, reader, random), explore: [] }) },
  { name: 'ours, no explore pick', rank: (day, reader, random) => rankByOurs(day, reader, random, 0) },
  // Last: the row the bench holds against the others, with the explore picks the night adds to a copy of ten.
  { name: `ours (learn/), ${countExplorePicks(BENCH_READER_TOP)} explore picks`, rank: (day, reader, random) => rankByOurs(day, reader, random, countExplorePicks(BENCH_READER_TOP)) },
];

// --- internal ---

// zotero-arxiv-daily's idea with the project's BM25: each candidate scored by its best match in the library.
function rankByLibraryBm25(day: BenchDay, reader: BenchReaderSignals): string[] {
  if (reader.library.length === 0) return [...day.sharedOrder];
  const scores = scoreByKeywords(day.candidates, reader.library.map(({ paper }) => ({ label: paper.title, text: `${paper.title} ${paper.abstract}` })));
  return orderBy(day, (position) => scores[position]!.score);
}

// arxiv-sanity-lite: positives the reader's tagged papers (library and 👍), negatives every other paper it holds.
function rankBySvm(day: BenchDay, reader: BenchReaderSignals, random: () => number): string[] {
  const liked = [...reader.library.map((item) => item.paper), ...reader.votes.filter((vote) => vote.vote === 'up').map((vote) => vote.paper)];
  if (liked.length === 0) return [...day.sharedOrder];
  const likedIds = new Set(liked.map((paper) => paper.id));
  const space = buildFeatureSpace(day.candidates, day.earlier, []);
  const examples = [
    ...liked.map((paper) => ({ vector: space.vectorOf(paper), liked: true })),
    ...day.earlier.filter((paper) => !likedIds.has(paper.id)).map((paper) => ({ vector: space.vectorOf(paper), liked: false })),
  ];
  const weights = trainLinearSvm(examples, space.dimension, random);
  return orderBy(day, (position) => dotDense(space.vectorOf(day.candidates[position]!), weights));
}

// The explore picks come after the reader's top N: their own order is the copy without them.
function rankByOurs(day: BenchDay, reader: BenchReaderSignals, random: () => number, explore: number): BenchCopy {
  const profile = { votes: [...reader.votes], library: [...reader.library], never: [], follow: [] };
  const picks = rankForReader(day.candidates, profile, day.shared, { now: day.now, halfLifeDays: 90, explore, top: BENCH_READER_TOP, random, background: day.earlier });
  return { own: picks.filter((pick) => !pick.explore).map((pick) => pick.paperId), explore: picks.filter((pick) => pick.explore).map((pick) => pick.paperId) };
}

// Best first; ties in the shared order, so no method gains from the candidates' listing order.
function orderBy(day: BenchDay, score: (position: number) => number): string[] {
  const sharedPlace = new Map(day.sharedOrder.map((id, place) => [id, place]));
  return day.candidates
    .map((paper, position) => ({ id: paper.id, score: score(position), place: sharedPlace.get(paper.id)! }))
    .sort((left, right) => right.score - left.score || left.place - right.place)
    .map((entry) => entry.id);
}
