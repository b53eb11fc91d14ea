// Benchmarks `summarize nightly` as users run it (`node bin/summarize.js`, built by `npm run build`) against
// local fake arXiv, Hugging Face and OpenAI servers in this process.
// Usage: npm run build && npm run bench -- [--papers 24] [--interval-ms 500] [--llm-latency-ms 1500] [--concurrency 4]
// Prints the wall time against the pipeline's lower bound, model calls and tokens per paper, peak memory, the
// edition's sizes and publishing time, and the wall time of a no-op rerun. Targets: ratio ≤ 1.2, peak memory
// < 400 MB, no-op rerun < 2 s. With --papers other than 24, a 24-paper run follows in the same process and the
// two peaks are compared (target: the large day's peak ≤ 1.25× the 24-paper day's).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { RunReport } from '../src/run/run-report.js';
import { formatSeconds, mark, readNewestReport, readPositive } from './bench-support.js';
import { type FakePaper, startFakeArxiv } from '../test/fakes/fake-arxiv-server.js';
import { startFakeHf } from '../test/fakes/fake-hf-server.js';
import { startFakeOpenAi } from '../test/fakes/fake-openai-server.js';
import { makeGroundedBriefContent } from '../test/helpers/brief-responder.js';
import { FIXTURE_PDFS_DIR } from '../test/helpers/fixtures.js';
import { makePdf } from '../test/helpers/make-pdf.js';

const API_KEY = 'sk-bench-0123456789abcdef';
const DATE = '2025-09-10';
// The fixtures named after their arXiv ID are papers; the x_ ones are test cases (scanned, encrypted, one page).
const NOT_A_PAPER = /^x_/;
const TARGETS = { ratio: 1.2, peakMb: 400, noOpRerunMs: 2000, peakGrowth: 1.25 };
// A large day's peak memory is compared with a day of this many papers.
const REFERENCE_PAPERS = 24;
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(PROJECT_ROOT, 'bin/summarize.js');
// Loaded into the child: reports its peak RSS (all threads, in KB) on stderr as it exits.
const REPORT_PEAK_RSS =
  'data:text/javascript,import { isMainThread } from "node:worker_threads"; ' +
  'if (isMainThread) process.on("exit", () => process.stderr.write(`bench-max-rss-kb=${process.resourceUsage().maxRSS}\\n`));';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '24' },
    'interval-ms': { type: 'string', default: '500' },
    'llm-latency-ms': { type: 'string', default: '1500' },
    concurrency: { type: 'string', default: '4' },
  },
});
const papers = readPositive('--papers', values.papers);
const intervalMs = readPositive('--interval-ms', values['interval-ms']);
const llmLatencyMs = readPositive('--llm-latency-ms', values['llm-latency-ms']);
const concurrency = readPositive('--concurrency', values.concurrency);

const { pdfs, pdfSource } = await loadPdfs();
if (!existsSync(join(PROJECT_ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');

const main = await runCase(papers, { noOpRerun: true });
const { run, noOp, report } = main;
const peakMb = run.maxRssKb / 1024;
const lowerBoundMs = Math.max((papers + 1) * intervalMs + llmLatencyMs, Math.ceil(papers / concurrency) * llmLatencyMs);
const ratio = run.wallMs / lowerBoundMs;
const rows: Array<[string, string]> = [
  ['papers', `${papers} (${report.totals.summarized} summarized, ${report.totals.failed} failed; PDFs: ${pdfSource})`],
  ['settings', `arXiv interval ${intervalMs} ms, LLM latency ${llmLatencyMs} ms, LLM concurrency ${concurrency}`],
  ['wall time', formatSeconds(run.wallMs)],
  ['lower bound', `${formatSeconds(lowerBoundMs)} = max((papers + 1) × interval + one LLM call, ceil(papers / concurrency) × LLM latency)`],
  ['ratio', `${ratio.toFixed(3)} ${mark(ratio <= TARGETS.ratio)} (target ≤ ${TARGETS.ratio})`],
  ['where the time went', main.phases],
  ['extraction per paper', describeExtraction(report)],
  ['LLM calls per paper', (main.llmCalls / papers).toFixed(2)],
  ['input tokens per paper', String(Math.round(report.totals.inputTokens / Math.max(1, report.totals.summarized)))],
  ['peak memory (RSS of the CLI process)', `${peakMb.toFixed(0)} MB ${mark(peakMb < TARGETS.peakMb)} (target < ${TARGETS.peakMb} MB)`],
  ['edition', describeEdition(main)],
];
if (noOp) rows.push(['no-op rerun', `${formatSeconds(noOp.wallMs)} ${mark(noOp.wallMs < TARGETS.noOpRerunMs)} (target < ${TARGETS.noOpRerunMs / 1000} s; ${noOp.report.totals.skipped} skipped, ${main.rerunLlmCalls} LLM calls)`]);
// A large day is compared with a day of the reference size, measured in the same run on the same machine.
if (papers !== REFERENCE_PAPERS) {
  const reference = await runCase(REFERENCE_PAPERS, { noOpRerun: false });
  const referenceMb = reference.run.maxRssKb / 1024;
  const growth = peakMb / referenceMb;
  rows.push(
    [`reference: ${REFERENCE_PAPERS} papers`, `peak ${referenceMb.toFixed(0)} MB; ${describeEdition(reference)}`],
    [`peak ${papers} / ${REFERENCE_PAPERS} papers`, `${growth.toFixed(2)}× ${mark(growth <= TARGETS.peakGrowth)} (target ≤ ${TARGETS.peakGrowth}×)`],
  );
}
const width = Math.max(...rows.map(([label]) => label.length));
process.stdout.write(`${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n`);
const nodeWarnings = [run, ...(noOp ? [noOp] : [])].flatMap((timed) => timed.stderr.split('\n').filter((line) => /^\(node:\d+\) \w*Warning/.test(line)));
if (nodeWarnings.length > 0) process.stdout.write(`\nNode warnings on the CLI's stderr:\n${nodeWarnings.join('\n')}\n`);
if (run.exitCode !== 0) process.stdout.write(`\nthe nightly run exited ${run.exitCode}:\n${run.stderr}`);

// The ranking case (choosing among 1,000 candidates) runs next, with its own fakes.
await import('./bench-rank.js');

// --- internal ---

interface CaseResult {
  run: TimedRun;
  noOp?: TimedRun;
  report: RunReport;
  phases: string;
  llmCalls: number;
  rerunLlmCalls: number;
  webEditionBytes: number;
  emailEditionBytes: number;
}

/** One nightly run of `count` papers (and its no-op rerun) against fresh fakes and a fresh output folder. */
async function runCase(count: number, { noOpRerun }: { noOpRerun: boolean }): Promise<CaseResult> {
  const fakePapers: FakePaper[] = Array.from({ length: count }, (_, index) => ({
    id: `2509.${String(20001 + index)}`,
    title: `Benchmark paper ${index + 1}`,
    published: `${DATE}T12:00:00Z`,
    pdf: pdfs[index % pdfs.length]!,
  }));
  const arxiv = await startFakeArxiv({ papers: fakePapers });
  const hf = await startFakeHf();
  hf.setDay(DATE, fakePapers.map((paper) => paper.id));
  // A brief without numbers: the grounding check has nothing to send back, so one call per paper is the norm.
  const content = makeGroundedBriefContent({
    summary: { ...makeGroundedBriefContent().summary, resultsAndEvaluation: 'No invented numbers remained, against many for the baseline.' },
  });
  const openai = await startFakeOpenAi({
    apiKey: API_KEY,
    latencyMs: llmLatencyMs,
    responder: (body) => (body.response_format ? { content } : { content: 'Notes on this part of the paper.' }),
  });
  const root = await mkdtemp(join(tmpdir(), 'arxiv-brief-bench-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: root,
    OPENAI_API_KEY: API_KEY,
    OPENAI_BASE_URL: openai.baseUrl,
    SUMMARIZE_MODEL: 'gpt-5-mini',
    ARXIV_API_URL: arxiv.apiUrl,
    ARXIV_PDF_URL: arxiv.pdfUrl,
    ARXIV_HTML_URL: arxiv.htmlUrl,
    HF_DAILY_PAPERS_URL: hf.url,
    ARXIV_MIN_INTERVAL_MS: String(intervalMs),
    SUMMARIZE_LLM_CONCURRENCY: String(concurrency),
    SUMMARIZE_OUTPUT_DIR: join(root, 'output'),
    SUMMARIZE_CACHE_DIR: join(root, 'cache'),
  };
  try {
    const run = await timeNightly(env, root);
    const llmCalls = openai.requests.length;
    const phases = describePhases(run.startedAt, run.endedAt, arxiv.requests, openai.requests);
    const digests = join(root, 'output', 'digests');
    const webEditionBytes = statSync(join(digests, `${DATE}.html`)).size;
    const emailEditionBytes = statSync(join(digests, `${DATE}.email.html`)).size;
    const noOp = noOpRerun ? await timeNightly(env, root) : undefined;
    return { run, ...(noOp ? { noOp } : {}), report: run.report, phases, llmCalls, rerunLlmCalls: openai.requests.length - llmCalls, webEditionBytes, emailEditionBytes };
  } finally {
    await Promise.all([arxiv.close(), hf.close(), openai.close()]);
    await rm(root, { recursive: true, force: true });
  }
}

function describeEdition(result: CaseResult): string {
  const publishMs = result.report.publish?.durationMs;
  return `web ${(result.webEditionBytes / 1000).toFixed(0)} KB, email ${(result.emailEditionBytes / 1000).toFixed(1)} KB (Gmail clips at 102 KB), publishing ${publishMs === undefined ? '?' : formatSeconds(publishMs)}`;
}

interface TimedRun {
  wallMs: number;
  startedAt: number;
  endedAt: number;
  exitCode: number | null;
  stderr: string;
  maxRssKb: number;
  report: RunReport;
}

async function timeNightly(environment: NodeJS.ProcessEnv, root: string): Promise<TimedRun> {
  const startedAt = Date.now();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', REPORT_PEAK_RSS, BIN, 'nightly', '--date', DATE], { cwd: root, env: environment, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const wallMs = performance.now() - started;
  const maxRssKb = Number(/bench-max-rss-kb=(\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  const report = await readNewestReport(join(environment.SUMMARIZE_OUTPUT_DIR!, 'runs')).catch((error: unknown) => {
    throw new Error(`the nightly run exited ${exitCode} without a run report:\n${stderr}`, { cause: error });
  });
  return { wallMs, startedAt, endedAt: Date.now(), exitCode, stderr: stderr.replace(/bench-max-rss-kb=\d+\n/, ''), maxRssKb, report };
}

// From the fakes' own records: what came before the first arXiv request, and after the last PDF request.
function describePhases(startedAt: number, endedAt: number, arxivRequests: Array<{ path: string; startedAt: number }>, llmRequests: Array<{ receivedAt: number }>): string {
  const arxivStarts = arxivRequests.map((request) => request.startedAt);
  const pdfStarts = arxivRequests.filter((request) => request.path.startsWith('/pdf/')).map((request) => request.startedAt);
  const llmStarts = llmRequests.map((request) => request.receivedAt);
  const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;
  return [
    `start → first arXiv request ${seconds(Math.min(...arxivStarts) - startedAt)}`,
    `arXiv requests ${seconds(Math.max(...arxivStarts) - Math.min(...arxivStarts))}`,
    `last PDF request → last LLM call sent ${seconds(Math.max(...llmStarts) - Math.max(...pdfStarts))}`,
    `last LLM answer → exit ${seconds(endedAt - (Math.max(...llmStarts) + llmLatencyMs))}`,
  ].join('; ');
}

// Extraction runs in a pool of workers; when its sum passes the LLM phase, extraction bounds the run.
function describeExtraction(report: RunReport): string {
  const times = report.papers.flatMap((paper) => (paper.durations.extractMs === undefined ? [] : [paper.durations.extractMs]));
  const total = times.reduce((sum, time) => sum + time, 0);
  return `mean ${(total / Math.max(1, times.length)).toFixed(0)} ms, sum ${(total / 1000).toFixed(2)} s (queue wait included)`;
}


// Real papers when the workplace has them; else generated 12-page PDFs of about the same text size.
async function loadPdfs(): Promise<{ pdfs: Uint8Array[]; pdfSource: string }> {
  if (existsSync(FIXTURE_PDFS_DIR)) {
    const names = readdirSync(FIXTURE_PDFS_DIR).filter((name) => name.endsWith('.pdf') && !NOT_A_PAPER.test(name)).sort();
    if (names.length > 0) {
      return { pdfs: names.map((name) => new Uint8Array(readFileSync(join(FIXTURE_PDFS_DIR, name)))), pdfSource: `${names.length} real ones, cycled` };
    }
  }
  const paragraph =
    'We study how summaries of research papers can be grounded in the full text. Our method reads every section, ' +
    'checks each claim against the paper and writes a short quiz. Experiments on several collections show that ';
  const page = (index: number) => `Section ${index + 1}\n${Array.from({ length: 14 }, () => paragraph).join('\n')}`;
  const pdfs = await Promise.all(
    Array.from({ length: 4 }, (_, variant) => makePdf({ title: `Generated paper ${variant + 1}`, pages: Array.from({ length: 12 }, (__, index) => page(index + variant)) })),
  );
  return { pdfs, pdfSource: 'generated, 12 pages each' };
}
