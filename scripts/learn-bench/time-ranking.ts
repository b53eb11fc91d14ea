import { countExplorePicks } from '../../src/learn/count-explore-picks.js';
import type { LearnPaper } from '../../src/learn/learn-paper.js';
import { rankForReader } from '../../src/learn/rank-for-reader.js';
import type { ReaderProfile } from '../../src/learn/reader-profile.js';
import { scoreByKeywords } from '../../src/rank/score-by-keywords.js';
import type { ProfileEntry } from '../../src/rank/relevance.js';
import { createSeededRandom } from '../../src/text/create-seeded-random.js';
import { median } from '../bench-support.js';
import type { CorpusPaper } from './corpus-paper.js';

export interface RankingTimes {
  papers: number;
  readers: number;
  /** Every reader's copy, one after another, the first building the day's TF-IDF. */
  allReadersMs: number;
  /** The same, in CPU time of this process: what the work costs when other programs share the cores. */
  allReadersCpuMs: number;
  /** The reference: the shared BM25 ranking of the same papers, once. */
  sharedMs: number;
  heavyVotes: number;
  /** Median of 5 rankings for one reader with `heavyVotes` votes, each with papers never seen before (nothing cached). */
  heavyReaderMs: number;
  heavyReaderCpuMs: number;
}

/** Times the night's work: `papers` candidates ranked for `readers` readers of 20 votes and 5 library items each, and one reader of 10,000 votes. */
export function timeRanking(corpus: readonly CorpusPaper[], profile: readonly ProfileEntry[], { papers = 1_000, readers = 1_000, heavyVotes = 10_000, seed = 1 } = {}): RankingTimes {
  const random = createSeededRandom(seed);
  const now = new Date('2026-03-01T06:00:00Z');
  const candidates = copies(corpus, papers, 'candidate');
  const background = copies(corpus, 200, 'background');
  const sharedStarted = performance.now();
  const scores = scoreByKeywords(candidates, profile);
  const sharedMs = performance.now() - sharedStarted;
  const shared = new Map(candidates.map((paper, position) => [paper.id, scores[position]!]));
  const pool = copies(corpus, 2_000, 'history');
  const profiles = Array.from({ length: readers }, () => drawProfile(pool, 20, 5, now, random));
  // A copy of ten own picks and the night's explore picks after them.
  const options = { now, halfLifeDays: 90, explore: countExplorePicks(10), top: 10, random, background };
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (const reader of profiles) rankForReader(candidates, reader, shared, options);
  const cpu = process.cpuUsage(cpuBefore);
  const allReadersMs = performance.now() - started;
  const allReadersCpuMs = (cpu.user + cpu.system) / 1000;
  const heavyRuns = Array.from({ length: 5 }, (_, run) => {
    const heavy = drawProfile(copies(corpus, heavyVotes, `heavy${run}`), heavyVotes, 0, now, random);
    const heavyStarted = performance.now();
    const heavyCpu = process.cpuUsage();
    rankForReader(candidates, heavy, shared, options);
    const usage = process.cpuUsage(heavyCpu);
    return { wall: performance.now() - heavyStarted, cpu: (usage.user + usage.system) / 1000 };
  });
  return {
    papers,
    readers,
    allReadersMs,
    allReadersCpuMs,
    sharedMs,
    heavyVotes,
    heavyReaderMs: median(heavyRuns.map((run) => run.wall)),
    heavyReaderCpuMs: median(heavyRuns.map((run) => run.cpu)),
  };
}

// --- internal ---

// Distinct paper objects (and IDs), cycling through the corpus when it holds fewer.
function copies(corpus: readonly CorpusPaper[], count: number, tag: string): LearnPaper[] {
  return Array.from({ length: count }, (_, index) => {
    const paper = corpus[index % corpus.length]!;
    return { id: `${tag}-${index}`, title: paper.title, abstract: paper.abstract, authors: paper.authors };
  });
}

// A reader's votes (half 👍) spread over the last year, and library items, drawn from `pool`.
function drawProfile(pool: readonly LearnPaper[], votes: number, library: number, now: Date, random: () => number): ReaderProfile {
  const pick = () => pool[Math.floor(random() * pool.length)]!;
  const daysAgo = () => new Date(now.getTime() - Math.floor(random() * 365) * 86_400_000).toISOString();
  return {
    votes: Array.from({ length: votes }, (_, index) => ({ paper: votes === pool.length ? pool[index]! : pick(), vote: index % 2 === 0 ? 'up' : 'down', at: daysAgo() })),
    library: Array.from({ length: library }, () => ({ paper: pick(), addedAt: daysAgo() })),
    never: [],
    follow: [],
  };
}
