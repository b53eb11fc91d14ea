// Measures how well each reader's own copy learns their taste (docs/benchmarks.md, "Copies that learn"):
// simulated readers with hidden topic tastes vote on 30 days of copies; NDCG@10 and precision@5 of their own top 10 per day
// bucket for the shared ranking, BM25 on the reader's library, an arxiv-sanity-style SVM and ours, then the
// time to rank 1,000 papers for 1,000 readers.
// npm run bench:learn -- [--corpus test/data/learn-corpus.jsonl] [--categories cs.CL,...] [--per-category 500] [--readers 60] [--days 30] [--per-day 100] [--seed 1]
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSeededRandom } from '../src/text/create-seeded-random.js';
import { formatSeconds, mark, readPositive } from './bench-support.js';
import { BENCH_READER_TOP } from './learn-bench/bench-rankers.js';
import { buildStandInCorpus, STAND_IN_PDFS } from './learn-bench/build-stand-in-corpus.js';
import { CORPUS_CATEGORIES } from './learn-bench/corpus-categories.js';
import type { CorpusPaper } from './learn-bench/corpus-paper.js';
import { readCorpus } from './learn-bench/read-corpus.js';
import { buildSharedProfile, DAY_BUCKETS, simulateReaders } from './learn-bench/simulate-readers.js';
import { timeRanking } from './learn-bench/time-ranking.js';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_CORPUS = 'test/data/learn-corpus.jsonl';
const STAND_IN_FOLDER = '/work/shared/fixtures/pdfs';
const TARGET_MS = 10_000;

// Bad flags or a bad corpus file: one line on stderr, no stack trace.
const { readers, days, seed, corpus, label, candidatesPerDay } = await readSetup().catch((error: unknown) => {
  process.stderr.write(`bench:learn: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
process.stdout.write(`corpus: ${label}\n`);
process.stdout.write(`${corpus.length} papers in ${new Set(corpus.map((paper) => paper.category)).size} topics; ${readers} readers, ${days} days of ${candidatesPerDay} candidates, seed ${seed}\n\n`);

const started = performance.now();
const results = simulateReaders(corpus, { readers, days, candidatesPerDay, seed });
const header = ['method', ...DAY_BUCKETS.map((bucket) => `NDCG@10 ${bucket.label}`), ...DAY_BUCKETS.map((bucket) => `P@5 ${bucket.label}`)];
const rows = results.map((result) => [result.name, ...result.buckets.map((bucket) => bucket.ndcg.toFixed(3)), ...result.buckets.map((bucket) => bucket.precision.toFixed(3))]);
process.stdout.write(`${toMarkdownTable(header, rows)}\n`);
const ours = results.at(-1)!;
const others = results.filter((result) => !result.name.startsWith('ours'));
const wins = DAY_BUCKETS.slice(1).every((_, offset) => others.every((other) => ours.buckets[offset + 1]!.ndcg > other.buckets[offset + 1]!.ndcg && ours.buckets[offset + 1]!.precision > other.buckets[offset + 1]!.precision));
process.stdout.write(`\n${ours.name} beats every other method on NDCG@10 and P@5 of the reader's own top ${BENCH_READER_TOP} from day 5 on: ${mark(wins)} (replay ${formatSeconds(performance.now() - started)})\n`);

const times = timeRanking(corpus, buildSharedProfile(corpus, createSeededRandom(seed)), { seed });
process.stdout.write(
  `ranking ${times.papers.toLocaleString('en')} papers for ${times.readers.toLocaleString('en')} readers (20 votes, 5 library items each): ${formatSeconds(times.allReadersMs)} wall (${formatSeconds(times.allReadersCpuMs)} CPU, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores), ` +
    `${(times.allReadersMs / times.readers).toFixed(2)} ms a reader, ${(times.allReadersMs / times.sharedMs).toFixed(0)}x the shared BM25 ranking of the same papers once (${times.sharedMs.toFixed(1)} ms); target under ${formatSeconds(TARGET_MS)} ${mark(times.allReadersMs < TARGET_MS)}\n`,
);
process.stdout.write(`one reader with ${times.heavyVotes.toLocaleString('en')} votes: ${times.heavyReaderMs.toFixed(1)} ms wall, ${times.heavyReaderCpuMs.toFixed(1)} ms CPU (median of 5, none of their papers read before)\n`);

// --- internal ---

async function readSetup() {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      'per-category': { type: 'string', default: '500' },
      categories: { type: 'string', default: CORPUS_CATEGORIES.join(',') },
      readers: { type: 'string', default: '60' },
      days: { type: 'string', default: '30' },
      'per-day': { type: 'string', default: '100' },
      seed: { type: 'string', default: '1' },
      'stand-in-folder': { type: 'string', default: STAND_IN_FOLDER },
    },
  });
  const readers = readPositive('--readers', values.readers);
  const days = readPositive('--days', values.days);
  const seed = readPositive('--seed', values.seed);
  const { corpus, label } = await loadCorpus(values);
  // Each day a different slice of the corpus while it lasts: a small corpus gets fewer candidates a day.
  const candidatesPerDay = Math.min(readPositive('--per-day', values['per-day']), Math.max(10, Math.floor((corpus.length * 0.9) / days)));
  return { readers, days, seed, corpus, label, candidatesPerDay };
}

async function loadCorpus(values: { corpus?: string; 'per-category': string; categories: string; 'stand-in-folder': string }): Promise<{ corpus: CorpusPaper[]; label: string }> {
  const perCategory = readPositive('--per-category', values['per-category']);
  const path = resolve(PROJECT_ROOT, values.corpus ?? DEFAULT_CORPUS);
  if (values.corpus !== undefined || existsSync(path)) {
    if (!existsSync(path)) throw new Error(`--corpus ${values.corpus}: no such file`);
    const categories = values.categories.split(',').map((category) => category.trim());
    const corpus = await readCorpus(path, categories, perCategory);
    if (corpus.length === 0) throw new Error(`${values.corpus ?? DEFAULT_CORPUS} holds no paper of ${categories.join(', ')} (--categories)`);
    return { corpus, label: `arXiv metadata from ${values.corpus ?? DEFAULT_CORPUS}, up to ${perCategory} papers of each of ${categories.join(', ')}` };
  }
  const corpus = await buildStandInCorpus(values['stand-in-folder']);
  return {
    corpus,
    label: `STAND-IN (no ${DEFAULT_CORPUS}; run scripts/fetch-learn-corpus.ts where arXiv is reachable): ~80-word passages of the ${STAND_IN_PDFS.length} real papers in ${values['stand-in-folder']}, topic = the paper a passage comes from`,
  };
}

function toMarkdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, index) => (index === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}
