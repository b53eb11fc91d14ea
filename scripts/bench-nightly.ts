// Benchmarks `summarize nightly` as users run it (`node bin/summarize.js`, built by `npm run build`) against
// local fake arXiv, Hugging Face and OpenAI servers in this process.
// Usage: npm run build && npm run bench -- [--papers 24] [--interval-ms 500] [--llm-latency-ms 1500] [--concurrency 4] [--rounds 3] [--reruns 5]
// Prints the wall time against the pipeline's lower bound, model calls and tokens per paper, peak memory, the
// edition's sizes and publishing time, and a no-op rerun of the finished night against `summarize --version`,
// timed in turns in the same run, with the modules it loads and the files it rewrites. Each night runs --rounds
// times and the figures are medians with their spread. Targets: ratio ≤ 1.15, peak memory < 400 MB, no-op rerun
// < 1 s. With --papers other than 24, each round also runs a 24-paper night and the two peaks are compared
// (target: the large day's peak ≤ 1.2× the 24-paper day's).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { RunReport } from '../src/run/run-report.js';
import { describeSpread, formatSeconds, mark, median, readNewestReport, readPositive } from './bench-support.js';
import { formatCount } from '../src/format/format-count.js';
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
const TARGETS = { ratio: 1.15, peakMb: 400, noOpRerunMs: 1000, peakGrowth: 1.2 };
// Libraries a run needs only on some paths (model calls, PDFs, figures, flowcharts, mail, feeds, audio, readers).
const HEAVY_LIBRARIES = ['openai', 'gpt-tokenizer', 'tinyld', 'pdf-parse', 'pdfjs-dist', 'sharp', 'node-html-parser', '@dagrejs/dagre', '@resvg/resvg-js', 'nodemailer', 'juice', 'feed', 'minisearch', '@breezystack/lamejs', 'node-id3', 'better-sqlite3'];
// A large day's peak memory is compared with a day of this many papers.
const REFERENCE_PAPERS = 24;
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(PROJECT_ROOT, 'bin/summarize.js');
// Loaded into the child: reports its peak RSS (all threads, in KB) and CPU time (user and system, in µs) on stderr as it exits.
const REPORT_PEAK_RSS =
  'data:text/javascript,import { isMainThread } from "node:worker_threads"; ' +
  'if (isMainThread) process.on("exit", () => { const usage = process.resourceUsage(); process.stderr.write(`bench-max-rss-kb=${usage.maxRSS} bench-cpu-us=${usage.userCPUTime + usage.systemCPUTime}\\n`); });';
// Loaded into an untimed rerun: lists every module file it loads (ESM through a loader hook, CommonJS through require).
const TRACE_MODULES = `data:text/javascript,${encodeURIComponent(`
import { isMainThread, MessageChannel } from 'node:worker_threads';
import Module, { register } from 'node:module';
if (isMainThread) {
  const loaded = new Set();
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => loaded.add(url));
  port1.unref();
  const hooks = 'let port; export function initialize(data) { port = data.port; } export async function load(url, context, next) { port.postMessage(url); return next(url, context); }';
  register('data:text/javascript,' + encodeURIComponent(hooks), { data: { port: port2 }, transferList: [port2] });
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    try { loaded.add(Module._resolveFilename(request, parent, isMain)); } catch {}
    return load.apply(this, arguments);
  };
  process.on('exit', () => process.stderr.write('bench-modules=' + JSON.stringify([...loaded]) + '\\n'));
}`)}`;

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '24' },
    'interval-ms': { type: 'string', default: '500' },
    'llm-latency-ms': { type: 'string', default: '1500' },
    concurrency: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    reruns: { type: 'string', default: '5' },
  },
});
const papers = readPositive('--papers', values.papers);
const intervalMs = readPositive('--interval-ms', values['interval-ms']);
const llmLatencyMs = readPositive('--llm-latency-ms', values['llm-latency-ms']);
const concurrency = readPositive('--concurrency', values.concurrency);
const rounds = readPositive('--rounds', values.rounds);
const reruns = readPositive('--reruns', values.reruns);

const { pdfs, pdfSource } = await loadPdfs();
// Other jobs on the machine stretch every wall time: the load it ran under is printed with the figures.
const loadAtStart = loadavg()[0]!;
if (!existsSync(join(PROJECT_ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');

// Rounds alternate the large day and the reference day, so both meet the machine's load alike.
const cases: CaseResult[] = [];
const references: CaseResult[] = [];
for (let round = 0; round < rounds; round += 1) {
  cases.push(await runCase(papers, { noOpReruns: round === 0 ? reruns : 0 }));
  if (papers !== REFERENCE_PAPERS) references.push(await runCase(REFERENCE_PAPERS, { noOpReruns: 0 }));
}
const lowerBoundMs = Math.max((papers + 1) * intervalMs + llmLatencyMs, Math.ceil(papers / concurrency) * llmLatencyMs);
const ratios = cases.map((result) => result.run.wallMs / lowerBoundMs);
const peaksMb = cases.map((result) => result.run.maxRssKb / 1024);
// The phases, extraction and edition of the round with the median wall time.
const typical = cases.toSorted((left, right) => left.run.wallMs - right.run.wallMs)[Math.floor((cases.length - 1) / 2)]!;
const { report } = typical;
const rows: Array<[string, string]> = [
  ['papers', `${papers} (${report.totals.summarized} summarized, ${report.totals.failed} failed; PDFs: ${pdfSource})`],
  ['settings', `arXiv interval ${intervalMs} ms, LLM latency ${llmLatencyMs} ms, LLM concurrency ${concurrency}; ${formatCount(rounds, 'round')}`],
  ['machine load', `1-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end, on ${formatCount(availableParallelism(), 'core')}`],
  ['wall time', describeSpread(cases.map((result) => result.run.wallMs), formatSeconds)],
  ['lower bound', `${formatSeconds(lowerBoundMs)} = max((papers + 1) × interval + one LLM call, ceil(papers / concurrency) × LLM latency)`],
  ['ratio', `${describeSpread(ratios, (ratio) => ratio.toFixed(3))} ${mark(median(ratios) <= TARGETS.ratio)} (target ≤ ${TARGETS.ratio})`],
  ['where the time went', `${formatPhases(typical.phases)} (the median round)`],
  ...((papers + 1) * intervalMs + llmLatencyMs === lowerBoundMs ? [['over the bound', describeOverBound(typical, papers)] as [string, string]] : []),
  ['extraction per paper', describeExtraction(report)],
  ['LLM calls per paper', (typical.llmCalls / papers).toFixed(2)],
  ['input tokens per paper', String(Math.round(report.totals.inputTokens / Math.max(1, report.totals.summarized)))],
  ['peak memory (RSS of the CLI process)', `${describeSpread(peaksMb, (mb) => `${mb.toFixed(0)} MB`)} ${mark(median(peaksMb) < TARGETS.peakMb)} (target < ${TARGETS.peakMb} MB)`],
  ['edition', describeEdition(typical)],
];
const { noOp } = cases[0]!;
if (noOp) {
  const rerunMs = noOp.reruns.map((rerun) => rerun.wallMs);
  const versionMs = noOp.versions.map((version) => version.wallMs);
  const perTurn = rerunMs.map((wallMs, index) => wallMs / versionMs[index]!);
  const rerunCpuMs = noOp.reruns.map((rerun) => rerun.cpuMs);
  const versionCpuMs = noOp.versions.map((version) => version.cpuMs);
  const rewritten = noOp.rewritten.length === 0 ? '0 files rewritten' : `${formatCount(noOp.rewritten.length, 'file')} rewritten (${noOp.rewritten.slice(0, 3).join(', ')}${noOp.rewritten.length > 3 ? ', …' : ''})`;
  rows.push(
    ['no-op rerun', `${describeSpread(rerunMs, formatSeconds)} ${mark(median(rerunMs) < TARGETS.noOpRerunMs)} (target < ${TARGETS.noOpRerunMs / 1000} s; node bin/summarize.js nightly; ${noOp.skipped} skipped, ${noOp.llmCalls} LLM calls, ${rewritten})`],
    ['summarize --version', `${describeSpread(versionMs, formatSeconds)} (node bin/summarize.js --version, in turns with the reruns, same environment)`],
    ['no-op rerun / --version', describeSpread(perTurn, (ratio) => `${ratio.toFixed(2)}×`)],
    ['CPU: rerun, --version', `${describeSpread(rerunCpuMs, formatSeconds)}; ${describeSpread(versionCpuMs, formatSeconds)} (user and system time, which other jobs on the machine change less than wall time)`],
    ['no-op rerun loads', `${noOp.modules.count} module files (--version: ${noOp.modules.versionCount}); heavy libraries: ${describeHeavyLibraries(noOp.modules.heavy)}`],
  );
}
// A large day is compared with a day of the reference size, measured in the same run on the same machine.
if (references.length > 0) {
  const referencePeaksMb = references.map((reference) => reference.run.maxRssKb / 1024);
  const growths = peaksMb.map((peak, index) => peak / referencePeaksMb[index]!);
  rows.push(
    [`reference: ${REFERENCE_PAPERS} papers`, `peak ${describeSpread(referencePeaksMb, (mb) => `${mb.toFixed(0)} MB`)}; ${describeEdition(references[0]!)}`],
    [`peak ${papers} / ${REFERENCE_PAPERS} papers`, `${describeSpread(growths, (growth) => `${growth.toFixed(2)}×`)} ${mark(median(growths) <= TARGETS.peakGrowth)} (target ≤ ${TARGETS.peakGrowth}×; each round's pair)`],
  );
}
const width = Math.max(...rows.map(([label]) => label.length));
process.stdout.write(`${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n`);
const allRuns = [...cases, ...references].flatMap((result) => [result.run, ...(result.noOp?.reruns ?? [])]);
const nodeWarnings = allRuns.flatMap((timed) => timed.stderr.split('\n').filter((line) => /^\(node:\d+\) \w*Warning/.test(line)));
if (nodeWarnings.length > 0) process.stdout.write(`\nNode warnings on the CLI's stderr:\n${[...new Set(nodeWarnings)].join('\n')}\n`);
for (const failed of allRuns.filter((timed) => timed.exitCode !== 0)) process.stdout.write(`\na nightly run exited ${failed.exitCode}:\n${failed.stderr}`);

// The ranking case (choosing among 1,000 candidates) runs next, with its own fakes.
await import('./bench-rank.js');

// --- internal ---

interface CaseResult {
  run: TimedRun & { report: RunReport };
  noOp?: NoOpReruns;
  report: RunReport;
  phases: Phases;
  llmCalls: number;
  webEditionBytes: number;
  emailEditionBytes: number;
}

/** Reruns of the finished night, each after a `summarize --version` in the same environment. */
interface NoOpReruns {
  reruns: TimedRun[];
  versions: TimedRun[];
  skipped: number;
  llmCalls: number;
  /** Files of the output folder (run reports aside) that the reruns wrote or removed. */
  rewritten: string[];
  modules: { count: number; versionCount: number; heavy: Map<string, number> };
}

/** One nightly run of `count` papers (and its no-op reruns) against fresh fakes and a fresh output folder. */
async function runCase(count: number, { noOpReruns }: { noOpReruns: number }): Promise<CaseResult> {
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
    tldr: 'Reading the full paper and checking its numbers leaves no invented numbers in machine-written briefs.',
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
    const noOp = noOpReruns > 0 ? await rerunFinishedNight(env, root, noOpReruns, () => openai.requests.length - llmCalls) : undefined;
    return { run, ...(noOp ? { noOp } : {}), report: run.report, phases, llmCalls, webEditionBytes, emailEditionBytes };
  } finally {
    await Promise.all([arxiv.close(), hf.close(), openai.close()]);
    await rm(root, { recursive: true, force: true });
  }
}

// In turns, so both commands meet the machine's load alike; then once each with the modules listed (untimed).
async function rerunFinishedNight(environment: NodeJS.ProcessEnv, root: string, times: number, countLlmCalls: () => number): Promise<NoOpReruns> {
  const outputDir = environment.SUMMARIZE_OUTPUT_DIR!;
  const before = await listOutputFiles(outputDir);
  const reruns: Array<TimedRun & { report: RunReport }> = [];
  const versions: TimedRun[] = [];
  for (let turn = 0; turn < times; turn += 1) {
    versions.push(await timeCli(['--version'], environment, root));
    reruns.push(await timeNightly(environment, root));
  }
  const after = await listOutputFiles(outputDir);
  const rewritten = [...new Set([...before.keys(), ...after.keys()])].filter((path) => before.get(path) !== after.get(path)).sort();
  const traced = readLoadedModules((await timeCli(['nightly', '--date', DATE], environment, root, TRACE_MODULES)).stderr);
  const tracedVersion = readLoadedModules((await timeCli(['--version'], environment, root, TRACE_MODULES)).stderr);
  const heavy = new Map<string, number>();
  for (const file of traced) {
    const library = HEAVY_LIBRARIES.find((name) => file.includes(`/node_modules/${name}/`));
    if (library) heavy.set(library, (heavy.get(library) ?? 0) + 1);
  }
  return {
    reruns,
    versions,
    skipped: reruns[0]!.report.totals.skipped,
    llmCalls: countLlmCalls(),
    rewritten,
    modules: { count: traced.length, versionCount: tracedVersion.length, heavy },
  };
}

function describeEdition(result: CaseResult): string {
  const publishMs = result.report.publish?.durationMs;
  return `web ${(result.webEditionBytes / 1000).toFixed(0)} KB, email ${(result.emailEditionBytes / 1000).toFixed(1)} KB (Gmail clips at 102 KB), publishing ${publishMs === undefined ? '?' : formatSeconds(publishMs)}`;
}

function describeHeavyLibraries(loaded: ReadonlyMap<string, number>): string {
  if (loaded.size === 0) return `none of ${HEAVY_LIBRARIES.join(', ')}`;
  return [...loaded].map(([library, files]) => `${library} (${formatCount(files, 'file')})`).join(', ');
}

interface TimedRun {
  wallMs: number;
  startedAt: number;
  endedAt: number;
  exitCode: number | null;
  stderr: string;
  maxRssKb: number;
  cpuMs: number;
}

async function timeNightly(environment: NodeJS.ProcessEnv, root: string): Promise<TimedRun & { report: RunReport }> {
  const timed = await timeCli(['nightly', '--date', DATE], environment, root);
  const report = await readNewestReport(join(environment.SUMMARIZE_OUTPUT_DIR!, 'runs')).catch((error: unknown) => {
    throw new Error(`the nightly run exited ${timed.exitCode} without a run report:\n${timed.stderr}`, { cause: error });
  });
  return { ...timed, report };
}

// Every command is started alike (the same loader flag, environment and folder), so their times compare.
async function timeCli(args: string[], environment: NodeJS.ProcessEnv, root: string, extraImport?: string): Promise<TimedRun> {
  const startedAt = Date.now();
  const started = performance.now();
  const imports = ['--import', REPORT_PEAK_RSS, ...(extraImport ? ['--import', extraImport] : [])];
  const child = spawn(process.execPath, [...imports, BIN, ...args], { cwd: root, env: environment, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const wallMs = performance.now() - started;
  const maxRssKb = Number(/bench-max-rss-kb=(\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  const cpuMs = Number(/bench-cpu-us=(\d+)/.exec(stderr)?.[1] ?? Number.NaN) / 1000;
  return { wallMs, startedAt, endedAt: Date.now(), exitCode, stderr: stderr.replace(/bench-max-rss-kb=\d+ bench-cpu-us=\d+\n/, ''), maxRssKb, cpuMs };
}

function readLoadedModules(stderr: string): string[] {
  const listed = /bench-modules=(.*)/.exec(stderr)?.[1];
  if (listed === undefined) throw new Error(`the traced run listed no modules:\n${stderr}`);
  // Node's own modules (fs, node:path) are no files.
  return (JSON.parse(listed) as string[]).filter((module) => module.includes('/'));
}

// Size and time written of every file, run reports aside (each run writes its own).
async function listOutputFiles(outputDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(outputDir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const relativePath = path.slice(outputDir.length + 1);
    if (!entry.isFile() || relativePath.startsWith('runs')) continue;
    const info = await stat(path);
    files.set(relativePath, `${info.size} ${info.mtimeMs}`);
  }
  return files;
}

// From the fakes' own records: what came before the first arXiv request, and after the last PDF request.
function describePhases(startedAt: number, endedAt: number, arxivRequests: Array<{ path: string; startedAt: number }>, llmRequests: Array<{ receivedAt: number }>): Phases {
  const arxivStarts = arxivRequests.map((request) => request.startedAt);
  const pdfStarts = arxivRequests.filter((request) => request.path.startsWith('/pdf/')).map((request) => request.startedAt);
  const llmStarts = llmRequests.map((request) => request.receivedAt);
  return {
    startup: Math.min(...arxivStarts) - startedAt,
    arxiv: Math.max(...arxivStarts) - Math.min(...arxivStarts),
    lastPaper: Math.max(...llmStarts) - Math.max(...pdfStarts),
    tail: endedAt - (Math.max(...llmStarts) + llmLatencyMs),
  };
}

interface Phases {
  /** Start → the first arXiv request. */
  startup: number;
  /** The first arXiv request → the last. */
  arxiv: number;
  /** The last PDF request → the last LLM call sent. */
  lastPaper: number;
  /** The last LLM answer → exit. */
  tail: number;
}

function formatPhases(phases: Phases): string {
  return [
    `start → first arXiv request ${formatSeconds(phases.startup)}`,
    `arXiv requests ${formatSeconds(phases.arxiv)}`,
    `last PDF request → last LLM call sent ${formatSeconds(phases.lastPaper)}`,
    `last LLM answer → exit ${formatSeconds(phases.tail)}`,
  ].join('; ');
}

// When arXiv's pacing sets the bound, the wall time beyond it in four parts that add up to it (the bound's spare interval is the last paper's).
function describeOverBound(result: CaseResult, count: number): string {
  const { startup, arxiv, lastPaper, tail } = result.phases;
  const publishMs = result.report.publish?.durationMs ?? 0;
  return [
    `startup ${formatSeconds(startup)}`,
    `arXiv pacing beyond ${count} intervals ${formatSeconds(arxiv - count * intervalMs)} (each interval counts from the previous answer; a download waits for an extraction slot)`,
    `last PDF → its model call beyond one interval ${formatSeconds(lastPaper - intervalMs)} (its download and extraction, and a free model slot)`,
    `last answer → exit ${formatSeconds(tail)} (publishing ${formatSeconds(publishMs)})`,
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
