// Benchmarks publishing one edition (digest, web edition, paper pages, archive, search data, feeds) on stored briefs.
// Usage: npm run bench:publish -- [--papers 300] [--history 0] [--rounds 3]
// `--history D` first publishes D older editions of the same size, so the archive has D+1 editions to rebuild.
// Each measured publish runs in a fresh child process that prints its wall time and peak RSS; the parent compares
// 24 papers with --papers in each round (memory target: within 1.2x), prints the sizes of what was written, and
// the median and spread of the rounds.
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { toFileStem } from '../src/arxiv/to-file-stem.js';
import { publishEdition } from '../src/archive/publish-edition.js';
import type { Edition } from '../src/edition/edition.js';
import { getBriefPaths, readStoredBrief, writeBrief } from '../src/output/brief-store.js';
import { makeSampleBrief } from '../test/helpers/sample-brief.js';
import { describeSpread, median, readPositive } from './bench-support.js';

const SCRIPT = fileURLToPath(import.meta.url);
const BASELINE_PAPERS = 24;
const MEMORY_TARGET_RATIO = 1.2;

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '300' },
    history: { type: 'string', default: '0' },
    rounds: { type: 'string', default: '3' },
    // Internal: the child that publishes and measures.
    'publish-into': { type: 'string' },
    date: { type: 'string' },
  },
});

if (values['publish-into'] !== undefined) {
  await publishStoredEdition(values['publish-into'], values.date!, Number(values.papers));
} else {
  const papers = Number(values.papers);
  const history = Number(values.history);
  const rounds = readPositive('--rounds', values.rounds);
  const ratios: number[] = [];
  const peaks = { baseline: [] as number[], large: [] as number[] };
  for (let round = 0; round < rounds; round += 1) {
    const baseline = await measure(BASELINE_PAPERS, history);
    const large = await measure(papers, history);
    for (const result of [baseline, large]) printMeasurement(result, history);
    ratios.push(large.maxRssKb / baseline.maxRssKb);
    peaks.baseline.push(baseline.maxRssKb / 1024);
    peaks.large.push(large.maxRssKb / 1024);
  }
  const megabytes = (mb: number) => `${mb.toFixed(0)} MB`;
  console.log(`peak RSS ${BASELINE_PAPERS} papers: ${describeSpread(peaks.baseline, megabytes)}; ${papers} papers: ${describeSpread(peaks.large, megabytes)}`);
  const ratio = median(ratios);
  console.log(`peak RSS ${papers}/${BASELINE_PAPERS} papers: ${describeSpread(ratios, (value) => `${value.toFixed(2)}x`)} (target ≤ ${MEMORY_TARGET_RATIO}x) ${ratio <= MEMORY_TARGET_RATIO ? 'ok' : 'OVER'}`);
}

// --- internal ---

function printMeasurement(result: Measurement, history: number): void {
  console.log(
    `${String(result.papers).padStart(4)} papers (${history} older editions): publish ${result.wallMs} ms, peak RSS ${Math.round(result.maxRssKb / 1024)} MB (${Math.round(result.beforeKb / 1024)} MB with the briefs read, before publishing), ` +
      `web edition ${kilobytes(result.sizes.edition)}, paper pages ${kilobytes(result.sizes.paperPages)} (${result.sizes.paperPageCount}), ` +
      `index ${kilobytes(result.sizes.index)}, search data ${kilobytes(result.sizes.searchData)}, feeds ${kilobytes(result.sizes.feeds)}`,
  );
}

interface Measurement {
  papers: number;
  wallMs: number;
  maxRssKb: number;
  /** RSS with the edition's briefs read, just before publishing. */
  beforeKb: number;
  sizes: { edition: number; paperPages: number; paperPageCount: number; index: number; searchData: number; feeds: number };
}

async function measure(papers: number, history: number): Promise<Measurement> {
  const outputDir = await mkdtemp(join(tmpdir(), 'arxiv-brief-bench-publish-'));
  try {
    const dates = Array.from({ length: history + 1 }, (_, index) => new Date(Date.UTC(2025, 0, 1 + index)).toISOString().slice(0, 10));
    for (const dayIndex of dates.keys()) await writeBriefs(outputDir, dayIndex, papers);
    // The older editions are published here; the measured one in a fresh process.
    for (const [dayIndex, date] of dates.slice(0, -1).entries()) await publishEdition(outputDir, await readEditionOfDay(outputDir, date, dayIndex, papers), { warn: console.warn });
    const date = dates.at(-1)!;
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, '--publish-into', outputDir, '--date', date, '--papers', String(papers)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (exitCode !== 0) throw new Error(`the publishing child exited with ${exitCode}`);
    const { wallMs, maxRssKb, beforeKb } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { wallMs: number; maxRssKb: number; beforeKb: number };
    const pages = (await readdir(join(outputDir, 'papers'))).filter((name) => name.endsWith('.html'));
    const sizeOf = async (...paths: string[]) => (await Promise.all(paths.map((path) => stat(join(outputDir, path))))).reduce((sum, info) => sum + info.size, 0);
    return {
      papers,
      wallMs,
      maxRssKb,
      beforeKb,
      sizes: {
        edition: await sizeOf(join('digests', `${date}.html`)),
        paperPages: await sizeOf(...pages.map((name) => join('papers', name))),
        paperPageCount: pages.length,
        index: await sizeOf('index.html'),
        // The search data is in shards and term buckets under content-hash folders.
        searchData: await sizeOf(...(await readdir(join(outputDir, 'assets', 'search'), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(outputDir.length + 1))),
        feeds: await sizeOf('feed.xml', 'rss.xml', 'feed.json'),
      },
    };
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
}

// In the child: read the stored briefs as the nightly run holds them, publish, report time and peak RSS.
async function publishStoredEdition(outputDir: string, date: string, papers: number): Promise<void> {
  const dayIndex = Math.round((Date.parse(date) - Date.UTC(2025, 0, 1)) / 86_400_000);
  const edition = await readEditionOfDay(outputDir, date, dayIndex, papers);
  // What the nightly run holds anyway (the day's briefs): publishing's own share is the difference.
  const beforeKb = Math.round(process.memoryUsage().rss / 1024);
  const startedAt = performance.now();
  await publishEdition(outputDir, edition, { warn: console.warn });
  const wallMs = Math.round(performance.now() - startedAt);
  console.log(JSON.stringify({ wallMs, maxRssKb: process.resourceUsage().maxRSS, beforeKb }));
}

function paperId(dayIndex: number, index: number): string {
  return `2501.${String(dayIndex * 1000 + index + 10000).padStart(5, '0')}`;
}

// Distinct briefs with the sample's images copied (rendering 300 flowcharts is the nightly run's cost, not publishing's).
async function writeBriefs(outputDir: string, dayIndex: number, papers: number): Promise<void> {
  const template = makeSampleBrief();
  const templatePaths = await writeBrief(outputDir, template);
  for (let index = 0; index < papers; index += 1) {
    const brief = makeSampleBrief({
      paper: { id: paperId(dayIndex, index), version: 1, title: `Benchmark paper ${index + 1} of day ${dayIndex + 1}` },
      summary: { ...template.summary, methods: `${template.summary.methods} Variant ${dayIndex}-${index}.` },
    });
    const paths = getBriefPaths(outputDir, brief.paper.id, brief.paper.version);
    await copyFile(templatePaths.flowchartPng, paths.flowchartPng);
    await copyFile(templatePaths.flowchartSvg, paths.flowchartSvg);
    await writeFile(paths.json, `${JSON.stringify(brief, null, 2)}\n`);
  }
}

async function readEditionOfDay(outputDir: string, date: string, dayIndex: number, papers: number): Promise<Edition> {
  const edition: Edition = { date, papers: [] };
  for (let index = 0; index < papers; index += 1) {
    const brief = await readStoredBrief(outputDir, paperId(dayIndex, index), 1);
    if (!brief) throw new Error(`no brief ${toFileStem(paperId(dayIndex, index), 1)}`);
    edition.papers.push({ brief, reason: `benchmark rank ${index + 1}` });
  }
  return edition;
}

function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}
