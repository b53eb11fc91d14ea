// Fetches the corpus `npm run bench:learn` replays: a few thousand recent arXiv papers (title, abstract, authors,
// primary category) from several categories, through arXiv's query API at one request every 3 s, as arXiv's
// terms ask. The metadata is CC0. Needs export.arxiv.org; the bench runs on a labelled stand-in without it.
// npx tsx scripts/fetch-learn-corpus.ts [--per-category 400] [--categories cs.CL,cs.CV,...] [--out test/data/learn-corpus.jsonl]
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildUserAgent } from '../src/arxiv/build-user-agent.js';
import { createArxivQueue } from '../src/arxiv/create-arxiv-queue.js';
import { queryArxivApi } from '../src/arxiv/query-arxiv-api.js';
import { readPackageVersion } from '../src/config/read-package-version.js';
import { writeFileAtomic } from '../src/output/write-file-atomic.js';
import { readPositive } from './bench-support.js';
import { CORPUS_CATEGORIES } from './learn-bench/corpus-categories.js';
import type { CorpusPaper } from './learn-bench/corpus-paper.js';

const PAGE_SIZE = 100;
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const { values } = parseArgs({
  options: {
    'per-category': { type: 'string', default: '400' },
    categories: { type: 'string', default: CORPUS_CATEGORIES.join(',') },
    out: { type: 'string', default: 'test/data/learn-corpus.jsonl' },
    'api-url': { type: 'string', default: 'https://export.arxiv.org/api/query' },
  },
});
const perCategory = readPositive('--per-category', values['per-category']);
const categories = values.categories.split(',').map((category) => category.trim()).filter((category) => category !== '');
const out = resolve(PROJECT_ROOT, values.out);

const queue = createArxivQueue({ minIntervalMs: 3_000, maxRetryAfterMs: 60_000, userAgent: buildUserAgent(readPackageVersion()) });
const papers = new Map<string, CorpusPaper>();
try {
  for (const category of categories) {
    let kept = 0;
    // Newest first; cross-lists are skipped so each paper's topic is the category it was filed under.
    for (let start = 0; kept < perCategory; start += PAGE_SIZE) {
      const parameters = new URLSearchParams({ search_query: `cat:${category}`, sortBy: 'submittedDate', sortOrder: 'descending', start: String(start), max_results: String(PAGE_SIZE) });
      const feed = await queryArxivApi(queue, values['api-url'], parameters);
      if (feed.entries.length === 0) break;
      for (const entry of feed.entries) {
        if (entry.primaryCategory !== category || papers.has(entry.id) || kept >= perCategory) continue;
        papers.set(entry.id, { id: entry.id, title: entry.title, abstract: entry.abstract, authors: entry.authors, category });
        kept += 1;
      }
      process.stderr.write(`${category}: ${kept} of ${perCategory}\n`);
    }
  }
} finally {
  await queue.close();
}
await mkdir(dirname(out), { recursive: true });
await writeFileAtomic(out, [...papers.values()].map((paper) => JSON.stringify(paper)).join('\n') + '\n');
process.stdout.write(`${papers.size} papers from ${categories.length} categories written to ${values.out}\n`);
