import { countPaperTerms } from '../../src/learn/count-paper-terms.js';
import type { LearnPaper } from '../../src/learn/learn-paper.js';
import type { ProfileEntry } from '../../src/rank/relevance.js';
import { scoreByKeywords } from '../../src/rank/score-by-keywords.js';
import { createSeededRandom } from '../../src/text/create-seeded-random.js';
import { BENCH_RANKERS, type BenchDay, type BenchReaderSignals } from './bench-rankers.js';
import type { CorpusPaper } from './corpus-paper.js';
import { ndcgAt, precisionAt } from './score-copy.js';

export interface SimulationOptions {
  readers: number;
  days: number;
  candidatesPerDay: number;
  seed: number;
}

/** Day buckets of the table, 1-based and inclusive. */
export const DAY_BUCKETS = [
  { label: 'days 1-4', first: 1, last: 4 },
  { label: 'days 5-10', first: 5, last: 10 },
  { label: 'days 11-30', first: 11, last: 30 },
];

/** Per method, per day bucket: the mean NDCG@10 and precision@5 of the readers' day-by-day copies. */
export type SimulationResult = Array<{ name: string; buckets: Array<{ ndcg: number; precision: number }> }>;

/**
 * The replay: readers with hidden topic tastes (a main topic, gain 2, and half of them a second, gain 1)
 * and a library of 5 main-topic papers read each method's copy of each day; each looks at their own first 5
 * papers and at the explore picks shown after their top N, votes on each with chance 0.6, and votes wrongly with chance 0.15. Every method sees the same
 * days and readers, and hears only the votes on its own copies.
 */
export function simulateReaders(corpus: readonly CorpusPaper[], options: SimulationOptions): SimulationResult {
  const random = createSeededRandom(options.seed);
  const categoryOf = new Map(corpus.map((paper) => [paper.id, paper.category]));
  const categories = [...new Set(corpus.map((paper) => paper.category))];
  const { libraryPool, candidatePool } = reserveLibraryPool(corpus, random);
  const days = planDays(candidatePool, options, random);
  const readers = Array.from({ length: options.readers }, () => drawReader(categories, libraryPool, days[0]!.now, random));
  return BENCH_RANKERS.map(({ name, rank }) => {
    const sums = DAY_BUCKETS.map(() => ({ ndcg: 0, precision: 0, count: 0 }));
    const rankerRandom = createSeededRandom(options.seed + 1);
    readers.forEach((reader, readerIndex) => {
      const behaviour = createSeededRandom(options.seed * 1_000 + readerIndex);
      const signals: { library: BenchReaderSignals['library']; votes: Array<BenchReaderSignals['votes'][number]> } = { library: reader.library, votes: [] };
      const gainOf = (id: string) => reader.taste.get(categoryOf.get(id)!) ?? 0;
      for (const day of days) {
        const copy = rank(day, signals, rankerRandom);
        const bucket = DAY_BUCKETS.findIndex((range) => day.index >= range.first && day.index <= range.last);
        if (bucket >= 0 && day.candidates.some((paper) => gainOf(paper.id) > 0)) {
          sums[bucket]!.ndcg += ndcgAt(10, copy.own, gainOf);
          sums[bucket]!.precision += precisionAt(5, copy.own, gainOf);
          sums[bucket]!.count += 1;
        }
        // The explore picks are marked in the copy: the reader looks at them too.
        for (const id of [...copy.own.slice(0, LOOKED_AT), ...copy.explore]) {
          if (behaviour() >= VOTE_CHANCE) continue;
          const liked = (gainOf(id) > 0) !== behaviour() < WRONG_VOTE_CHANCE;
          signals.votes.push({ paper: day.candidates.find((paper) => paper.id === id)!, vote: liked ? 'up' : 'down', at: day.now.toISOString() });
        }
      }
    });
    return { name, buckets: sums.map((sum) => ({ ndcg: sum.ndcg / Math.max(1, sum.count), precision: sum.precision / Math.max(1, sum.count) })) };
  });
}

/** The newsletter's shared interests: the distinctive words of about half the topics, as an editor would list them. */
export function buildSharedProfile(corpus: readonly CorpusPaper[], random: () => number): ProfileEntry[] {
  const categories = [...new Set(corpus.map((paper) => paper.category))];
  const covered = shuffled(categories, random).slice(0, Math.max(1, Math.ceil(categories.length / 2)));
  const documentFrequency = new Map<string, number>();
  const byCategory = new Map<string, Map<string, number>>();
  for (const paper of corpus) {
    const counts = byCategory.get(paper.category) ?? new Map<string, number>();
    byCategory.set(paper.category, counts);
    for (const term of countPaperTerms(paper).keys()) {
      if (term.startsWith('author:')) continue;
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  return covered.map((category) => {
    const size = corpus.filter((paper) => paper.category === category).length;
    const words = [...byCategory.get(category)!]
      .filter(([, count]) => count >= MIN_TOPIC_WORD_PAPERS)
      .map(([term, count]) => ({ term, lift: count / size / ((documentFrequency.get(term)! + 1) / corpus.length) }))
      .sort((left, right) => right.lift - left.lift)
      .slice(0, TOPIC_WORDS)
      .map((word) => word.term);
    return { label: words.slice(0, 3).join(' '), text: words.join(' ') };
  });
}

// --- internal ---

const LOOKED_AT = 5;
const VOTE_CHANCE = 0.6;
const WRONG_VOTE_CHANCE = 0.15;
const LIBRARY_SIZE = 5;
const TOPIC_WORDS = 6;
const MIN_TOPIC_WORD_PAPERS = 5;
const MS_PER_DAY = 86_400_000;
const FIRST_DAY = Date.parse('2026-01-05T06:00:00Z');

interface SimulatedReader {
  taste: Map<string, number>;
  library: BenchReaderSignals['library'];
}

// A tenth of each topic never shows as a candidate: readers' libraries come from it.
function reserveLibraryPool(corpus: readonly CorpusPaper[], random: () => number) {
  const libraryPool = new Map<string, LearnPaper[]>();
  const candidatePool: CorpusPaper[] = [];
  for (const paper of shuffled(corpus, random)) {
    const pool = libraryPool.get(paper.category) ?? [];
    libraryPool.set(paper.category, pool);
    const size = corpus.filter((other) => other.category === paper.category).length;
    if (pool.length < Math.max(LIBRARY_SIZE, Math.round(size / 10))) pool.push(toLearnPaper(paper));
    else candidatePool.push(paper);
  }
  return { libraryPool, candidatePool };
}

// Each day draws the next papers of the shuffled pool, reshuffling when it runs out: one LearnPaper object per paper, as a night would hold.
function planDays(pool: readonly CorpusPaper[], options: SimulationOptions, random: () => number): BenchDay[] {
  const papers = pool.map(toLearnPaper);
  const profile = buildSharedProfile(pool, random);
  let stream: LearnPaper[] = [];
  const days: BenchDay[] = [];
  let earlier: LearnPaper[] = [];
  for (let index = 1; index <= options.days; index++) {
    const candidates: LearnPaper[] = [];
    while (candidates.length < Math.min(options.candidatesPerDay, papers.length)) {
      if (stream.length === 0) stream = shuffled(papers, random);
      const paper = stream.pop()!;
      if (!candidates.includes(paper)) candidates.push(paper);
    }
    const scores = scoreByKeywords(candidates, profile);
    const shared = new Map(candidates.map((paper, position) => [paper.id, scores[position]!]));
    const sharedOrder = candidates.map((paper, position) => ({ id: paper.id, score: scores[position]!.score })).sort((left, right) => right.score - left.score).map((entry) => entry.id);
    days.push({ index, now: new Date(FIRST_DAY + (index - 1) * MS_PER_DAY), candidates, shared, sharedOrder, earlier, dayBefore: days.at(-1)?.candidates ?? [] });
    earlier = [...new Set([...earlier, ...candidates])];
  }
  return days;
}

function drawReader(categories: readonly string[], libraryPool: ReadonlyMap<string, LearnPaper[]>, firstDay: Date, random: () => number): SimulatedReader {
  const [main, second] = shuffled(categories, random);
  const taste = new Map([[main!, 2]]);
  if (second !== undefined && random() < 0.5) taste.set(second, 1);
  const library = shuffled(libraryPool.get(main!)!, random)
    .slice(0, LIBRARY_SIZE)
    .map((paper) => ({ paper, addedAt: new Date(firstDay.getTime() - Math.floor(random() * 180) * MS_PER_DAY).toISOString() }));
  return { taste, library };
}

function toLearnPaper(paper: CorpusPaper): LearnPaper {
  return { id: paper.id, title: paper.title, abstract: paper.abstract, authors: paper.authors };
}

function shuffled<Item>(items: readonly Item[], random: () => number): Item[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}
