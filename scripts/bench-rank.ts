// Benchmarks choosing the day's papers as users run it (`node bin/summarize.js`, built by `npm run build`): an
// announcement of N candidates on a fake arXiv, ranked by an interests file through a fake embeddings endpoint,
// --top K summarized by a fake LLM. Run by `npm run bench` after the nightly case, or alone:
// npm run build && npm run bench:rank -- [--candidates 1000] [--top 10] [--interval-ms 100]
// Prints candidates, embeddings requests, seconds, and PDF requests for the unselected (target: 0), then a rerun's.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { RunReport } from '../src/run/run-report.js';
import { parseInterests } from '../src/rank/parse-interests.js';
import { formatSeconds, mark, readNewestReport, readPositive } from './bench-support.js';
import { type FakePaper, startFakeArxiv } from '../test/fakes/fake-arxiv-server.js';
import { startFakeOpenAi } from '../test/fakes/fake-openai-server.js';
import { groundedBriefResponder } from '../test/helpers/brief-responder.js';
import { makePaperPdf } from '../test/helpers/paper-pdf.js';

const API_KEY = 'sk-bench-0123456789abcdef';
const TARGETS = { embeddingRequests: 10, unselectedPdfRequests: 0 };
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(PROJECT_ROOT, 'bin/summarize.js');
const TOPICS = ['retrieval', 'graphs', 'robotics', 'optimization', 'speech', 'vision', 'reinforcement', 'compression'];

// Not strict: `npm run bench -- --papers 24` passes the nightly case's flags here too.
const { values } = parseArgs({
  strict: false,
  options: { candidates: { type: 'string', default: '1000' }, top: { type: 'string', default: '10' }, 'interval-ms': { type: 'string', default: '100' } },
});
const candidates = readPositive('--candidates', String(values.candidates));
const top = readPositive('--top', String(values.top));
const intervalMs = readPositive('--interval-ms', String(values['interval-ms']));

const pdf = await makePaperPdf('A benchmark paper');
const papers: FakePaper[] = Array.from({ length: candidates }, (_, index) => {
  const topic = TOPICS[index % TOPICS.length]!;
  return {
    id: `2509.${String(10001 + index)}`,
    title: `On ${topic} at scale, study ${index + 1}`,
    abstract: `We study ${topic} with method ${index % 13} on dataset ${index % 7} and report what we found about ${topic}.`,
    pdf,
  };
});
const arxiv = await startFakeArxiv({ papers });
arxiv.announce('2025-09-11', papers.map((paper) => ({ id: paper.id, type: 'new' as const })));
const openai = await startFakeOpenAi({ apiKey: API_KEY, responder: groundedBriefResponder });
const root = await mkdtemp(join(tmpdir(), 'arxiv-brief-bench-rank-'));
const interests = join(root, 'interests.txt');
await writeFile(interests, '# the newsletter\nretrieval over very long documents\n+scale\n-robotics\n');
const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: root,
  OPENAI_API_KEY: API_KEY,
  OPENAI_BASE_URL: openai.baseUrl,
  ARXIV_API_URL: arxiv.apiUrl,
  ARXIV_PDF_URL: arxiv.pdfUrl,
  ARXIV_RSS_URL: arxiv.rssUrl,
  ARXIV_MIN_INTERVAL_MS: String(intervalMs),
  SUMMARIZE_OUTPUT_DIR: join(root, 'output'),
  SUMMARIZE_CACHE_DIR: join(root, 'cache'),
};

try {
  const first = await timeRun();
  // Into another output folder: a rerun into the same one finds the edition published and ranks nothing.
  const second = await timeRun({ SUMMARIZE_OUTPUT_DIR: join(root, 'output-again') });
  const rows: Array<[string, string]> = [
    ['candidates', `${first.report.ranking?.candidates} announced (arXiv interval ${intervalMs} ms), --top ${top}`],
    ...describeRun('first run', first),
    ...describeRun('again, same cache', second),
  ];
  rows.push(measureInterestsParsing());
  const width = Math.max(...rows.map(([label]) => label.length));
  process.stdout.write(`\nranking\n${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n`);
  for (const run of [first, second]) if (run.exitCode !== 0) process.stdout.write(`\na run exited ${run.exitCode}:\n${run.stderr}`);
} finally {
  await Promise.all([arxiv.close(), openai.close()]);
  await rm(root, { recursive: true, force: true });
}

// --- internal ---

// An interests file of 10,000 lines (topics, boosts, excludes, example IDs) read and parsed, against 100 lines.
function measureInterestsParsing(): [string, string] {
  const lines = (count: number) => Array.from({ length: count }, (_, index) => [`topic number ${index} about ${TOPICS[index % TOPICS.length]}`, `+term${index}`, `-drop${index}`, `2509.${String(10_000 + index)}`][index % 4]).join('\n');
  const time = (text: string) => {
    const started = performance.now();
    for (let round = 0; round < 5; round++) parseInterests(text);
    return (performance.now() - started) / 5;
  };
  const small = time(lines(100));
  const large = time(lines(10_000));
  return ['interests file', `10,000 lines parsed in ${large.toFixed(1)} ms (100 lines: ${small.toFixed(2)} ms, ${(large / small).toFixed(0)}x for 100x the lines); target under 1,000 ms ${large < 1000 ? 'ok' : 'OVER'}`];
}

interface TimedRun {
  wallMs: number;
  /** From the announcement request to the last metadata request: the listing and the metadata batches. */
  listingMs: number;
  /** From the last metadata request to the first PDF request (or the exit): ranking, embeddings included. */
  rankingMs: number;
  embeddingRequests: number;
  pdfRequests: string[];
  exitCode: number | null;
  stderr: string;
  report: RunReport;
}

async function timeRun(overrides: NodeJS.ProcessEnv = {}): Promise<TimedRun> {
  const arxivBefore = arxiv.requests.length;
  const embeddingsBefore = openai.embeddingRequests.length;
  const startedAt = Date.now();
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'nightly', '--source', 'arxiv', '--category', 'cs.LG', '--interests', interests, '--top', String(top)], {
    cwd: root,
    env: { ...env, ...overrides },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const wallMs = performance.now() - started;
  const requests = arxiv.requests.slice(arxivBefore);
  const rssAt = requests.find((request) => request.path.startsWith('/rss/'))?.startedAt ?? startedAt;
  const lastApiAt = requests.filter((request) => request.path.startsWith('/api/')).at(-1)?.startedAt ?? rssAt;
  const pdfRequests = requests.filter((request) => request.path.startsWith('/pdf/'));
  const rankedAt = pdfRequests[0]?.startedAt ?? startedAt + wallMs;
  return {
    wallMs,
    listingMs: lastApiAt - rssAt,
    rankingMs: rankedAt - lastApiAt,
    embeddingRequests: openai.embeddingRequests.length - embeddingsBefore,
    pdfRequests: pdfRequests.map((request) => request.path),
    exitCode,
    stderr,
    report: await readNewestReport(join({ ...env, ...overrides }.SUMMARIZE_OUTPUT_DIR!, 'runs')),
  };
}

function describeRun(label: string, run: TimedRun): Array<[string, string]> {
  const selected = new Set(run.report.papers.filter((paper) => paper.outcome !== 'not-selected').map((paper) => `/pdf/${paper.id}v${paper.version}`));
  const unselectedPdfs = run.pdfRequests.filter((path) => !selected.has(path)).length;
  const embeddings = run.report.ranking?.embeddings;
  return [
    [`${label}: embeddings requests`, `${run.embeddingRequests} ${mark(run.embeddingRequests <= TARGETS.embeddingRequests)} (target ≤ ${TARGETS.embeddingRequests}; ${embeddings?.embeddedTexts ?? 0} texts embedded, ${embeddings?.cachedTexts ?? 0} from the cache)`],
    [`${label}: seconds`, `${formatSeconds(run.wallMs)} wall; announcement and metadata requests ${formatSeconds(run.listingMs)}; ranking ${formatSeconds(run.rankingMs)} (last metadata request → first PDF request, or exit)`],
    [`${label}: PDF requests`, `${run.pdfRequests.length} for ${selected.size} selected; ${unselectedPdfs} for the unselected ${mark(unselectedPdfs === TARGETS.unselectedPdfRequests)} (target ${TARGETS.unselectedPdfRequests})`],
    [`${label}: outcome`, `${run.report.totals.summarized} summarized, ${run.report.totals.skipped} skipped, ${run.report.totals.notSelected} not selected, exit ${run.exitCode}`],
  ];
}
