// Benchmarks our PDF → clean text path against poppler's pdftotext on a folder of PDFs, in one process.
// Usage: npx tsx scripts/bench-text.ts [dir]   (default ../shared/fixtures/pdfs). Prints markdown.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createPdfExtractor, DEFAULT_POOL_SIZE, type PdfExtractor } from '../src/pdf/extract-text.js';
import { ARXIV_STAMP } from '../src/text/clean/remove-arxiv-stamps.js';
import { findRunningHeaderLines, headerKey } from '../src/text/clean/remove-running-headers.js';
import { cleanPaperText } from '../src/text/clean-paper-text.js';
import { median } from './bench-support.js';

const run = promisify(execFile);
const PDFTOTEXT = 'pdftotext';
const TIME = '/usr/bin/time';
/** pdftotext's parallel reference run. */
const PDFTOTEXT_PARALLEL = 2;
const ROUNDS = 3;

interface Output {
  pages: number;
  milliseconds: number;
  peakMb: number | undefined;
  rawPages: string[];
  text: string;
  referencesRemoved: boolean;
}

type Outcome = { ok: true; output: Output } | { ok: false; message: string };

const folder = resolve(process.argv[2] ?? '../shared/fixtures/pdfs');
const files = readdirSync(folder)
  .filter((name) => name.toLowerCase().endsWith('.pdf'))
  .sort();
const hasPdftotext = await isInstalled();

// Per-file pass: a warm pool (one unmeasured round first), one file at a time, then pdftotext per file.
const extractor = createPdfExtractor({ poolSize: 1 });
for (const name of files) await runOurs(extractor, join(folder, name));
const ours = new Map<string, Outcome>();
const theirs = new Map<string, Outcome>();
for (const name of files) ours.set(name, await runOurs(extractor, join(folder, name)));
await extractor.close();
if (hasPdftotext) {
  for (const name of files) theirs.set(name, await runPdftotext(join(folder, name)));
  for (const name of files) await addPdftotextMemory(join(folder, name), theirs.get(name));
}

// Folder pass, repeated (the machine is shared, so medians): everything from a cold start in one process
// (workers started, pdf.js loaded, all files through the default pool) against pdftotext per file.
const folderTimes = { ours: [] as number[], theirsSequential: [] as number[], theirsParallel: [] as number[] };
for (let round = 0; round < ROUNDS; round += 1) {
  const started = performance.now();
  const pool = createPdfExtractor();
  await Promise.all(files.map((name) => runOurs(pool, join(folder, name))));
  await pool.close();
  folderTimes.ours.push(performance.now() - started);
  if (!hasPdftotext) continue;
  const sequentialStart = performance.now();
  for (const name of files) await runPdftotext(join(folder, name));
  folderTimes.theirsSequential.push(performance.now() - sequentialStart);
  const parallelStart = performance.now();
  await mapLimit(files, PDFTOTEXT_PARALLEL, (name) => runPdftotext(join(folder, name)));
  folderTimes.theirsParallel.push(performance.now() - parallelStart);
}

printReport();

// --- internal ---

async function runOurs(pool: PdfExtractor, path: string): Promise<Outcome> {
  const bytes = new Uint8Array(readFileSync(path));
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const started = performance.now();
  try {
    const extracted = await pool.extract(bytes);
    const cleaned = cleanPaperText(extracted.pages);
    const milliseconds = performance.now() - started;
    return {
      ok: true,
      output: {
        pages: extracted.pageCount,
        milliseconds,
        peakMb: Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024,
        rawPages: extracted.pages,
        text: cleaned.text,
        referencesRemoved: cleaned.stats.referencesRemoved,
      },
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearInterval(sampler);
  }
}

async function runPdftotext(path: string): Promise<Outcome> {
  const started = performance.now();
  try {
    const { stdout } = await run(PDFTOTEXT, [path, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const milliseconds = performance.now() - started;
    const rawPages = stdout.split('\f').filter((page, index, all) => index < all.length - 1 || page.trim() !== '');
    return {
      ok: true,
      output: { pages: rawPages.length, milliseconds, peakMb: undefined, rawPages, text: stdout, referencesRemoved: false },
    };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n').join(' / ');
    return { ok: false, message: stderr || (error instanceof Error ? error.message : String(error)) };
  }
}

/** Peak RSS of one pdftotext run, through GNU time, when it is there. */
async function addPdftotextMemory(path: string, outcome: Outcome | undefined): Promise<void> {
  if (!outcome?.ok || !existsSync(TIME)) return;
  try {
    const { stderr } = await run(TIME, ['-f', '%M', PDFTOTEXT, path, '/dev/null']);
    const kilobytes = Number(stderr.trim().split('\n').at(-1));
    if (Number.isFinite(kilobytes)) outcome.output.peakMb = kilobytes / 1024;
  } catch {
    // memory stays unknown
  }
}

async function isInstalled(): Promise<boolean> {
  try {
    await run(PDFTOTEXT, ['-v']);
    return true;
  } catch {
    return false;
  }
}

async function mapLimit<T>(items: T[], limit: number, task: (item: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

interface Quality {
  splits: number;
  headers: number;
  stamps: number;
  nulTab: number;
}

function measureQuality(output: Output): Quality {
  const headerKeys = findRunningHeaderLines(output.rawPages);
  const repeats = new Map<string, number>();
  for (const line of output.text.split('\n')) {
    const key = headerKey(line);
    if (headerKeys.has(key)) repeats.set(key, (repeats.get(key) ?? 0) + 1);
  }
  return {
    splits: output.text.match(/[a-z]-\n[a-z]/g)?.length ?? 0,
    headers: [...repeats.values()].filter((count) => count >= 3).reduce((total, count) => total + count, 0),
    stamps: output.text.match(ARXIV_STAMP)?.length ?? 0,
    nulTab: output.text.match(/[\u0000\t]/g)?.length ?? 0,
  };
}

/** Time spent on the files that gave text, for the per-page average. */
function sumMs(outcomes: Map<string, Outcome>): number {
  let total = 0;
  for (const [name, outcome] of outcomes) if (outcome.ok && ours.get(name)?.ok) total += outcome.output.milliseconds;
  return total;
}

function printReport(): void {
  const lines: string[] = [];
  const pair = (left: number | string, right: number | string | undefined) =>
    hasPdftotext ? `${left} / ${right ?? '–'}` : String(left);
  lines.push(`Folder: ${folder} (${files.length} PDFs), Node ${process.version}.`);
  lines.push('Per file: ours with pdf.js already loaded (one file at a time); pdftotext a process per file.');
  lines.push(hasPdftotext ? 'Cells with two values read "ours / pdftotext".' : 'pdftotext not installed: no reference columns.');
  lines.push('');
  lines.push('| file | pages | ms/page | peak RSS MB | line-end splits | header lines | arXiv stamps | NUL+TAB | references |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  const totals = { pages: 0, ours: new Array<number>(4).fill(0), theirs: new Array<number>(4).fill(0) };
  const failures: string[] = [];
  for (const name of files) {
    const mine = ours.get(name)!;
    const reference = theirs.get(name);
    if (!mine.ok) {
      failures.push(`- ${name}: ours: ${mine.message}${reference && !reference.ok ? `; pdftotext: ${reference.message}` : ''}`);
      continue;
    }
    const quality = measureQuality(mine.output);
    const referenceQuality = reference?.ok ? measureQuality(reference.output) : undefined;
    const perPage = (output: Output) => (output.milliseconds / Math.max(1, output.pages)).toFixed(1);
    totals.pages += mine.output.pages;
    const values = [quality.splits, quality.headers, quality.stamps, quality.nulTab];
    values.forEach((value, index) => (totals.ours[index]! += value));
    const referenceValues = referenceQuality
      ? [referenceQuality.splits, referenceQuality.headers, referenceQuality.stamps, referenceQuality.nulTab]
      : [];
    referenceValues.forEach((value, index) => (totals.theirs[index]! += value));
    lines.push(
      `| ${name} | ${mine.output.pages} | ${pair(perPage(mine.output), reference?.ok ? perPage(reference.output) : undefined)} | ${pair(
        mine.output.peakMb?.toFixed(0) ?? '–',
        reference?.ok ? reference.output.peakMb?.toFixed(0) : undefined,
      )} | ${values.map((value, index) => pair(value, referenceValues[index])).join(' | ')} | ${
        mine.output.referencesRemoved ? 'removed' : 'not found'
      }${hasPdftotext ? ' / kept' : ''} |`,
    );
  }
  lines.push(
    `| **total** | ${totals.pages} | ${pair(
      (sumMs(ours) / Math.max(1, totals.pages)).toFixed(1),
      hasPdftotext ? (sumMs(theirs) / Math.max(1, totals.pages)).toFixed(1) : undefined,
    )} | ${pair((process.resourceUsage().maxRSS / 1024).toFixed(0), undefined)} | ${totals.ours
      .map((value, index) => pair(value, totals.theirs[index]))
      .join(' | ')} | |`,
  );
  lines.push('');
  const oursMs = median(folderTimes.ours);
  const sequentialMs = median(folderTimes.theirsSequential);
  const parallelMs = median(folderTimes.theirsParallel);
  const ratio = (left: number, right: number) => (right > 0 ? `${(left / right).toFixed(2)}×` : '–');
  lines.push(`Whole folder from a cold start, median of ${ROUNDS} rounds (failing files included):`);
  lines.push('');
  lines.push('| run | ms | ours ÷ this |');
  lines.push('|---|---:|---:|');
  lines.push(`| ours: one process, ${DEFAULT_POOL_SIZE} worker(s) started, pdf.js loaded, extraction + cleaning | ${oursMs.toFixed(0)} | |`);
  if (hasPdftotext) {
    lines.push(`| pdftotext, one process per file, one after another | ${sequentialMs.toFixed(0)} | ${ratio(oursMs, sequentialMs)} |`);
    lines.push(`| pdftotext, one process per file, ${PDFTOTEXT_PARALLEL} at a time | ${parallelMs.toFixed(0)} | ${ratio(oursMs, parallelMs)} |`);
  }
  if (failures.length > 0) {
    lines.push('');
    lines.push('Files that gave no text (expected for the encrypted, fake and scanned samples):');
    lines.push('');
    lines.push(...failures);
  }
  lines.push('');
  lines.push(
    'Peak RSS: ours is the whole process (main thread + worker) sampled every 5 ms during that file; the total row is process.resourceUsage().maxRSS over the whole bench. pdftotext: GNU time %M per run.',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}
