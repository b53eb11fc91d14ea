import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type BuildRunReportInput,
  buildRunReport,
  computeTotals,
  type PaperRun,
  RunReportSchema,
  runOutcome,
} from '../../src/run/run-report.js';
import { reserveRunReport, runReportStem, writeRunReport } from '../../src/run/write-run-report.js';
import { canMountTmpfs, mountSmallDisk } from '../helpers/small-disk.js';

const summarized = (id: string, costUsd: number | null, inputTokens = 1000): PaperRun => ({
  id,
  version: 1,
  title: `Paper ${id}`,
  outcome: 'summarized',
  attempts: 1,
  usage: { inputTokens, outputTokens: 200, cachedInputTokens: 100 },
  costUsd,
  durations: { downloadMs: 100, extractMs: 50, llmMs: 4000, totalMs: 4200 },
});
const skipped: PaperRun = { id: '2511.00002', outcome: 'skipped', reason: 'already summarized', durations: { totalMs: 1 } };
const failed: PaperRun = {
  id: '2511.00003',
  outcome: 'failed',
  stage: 'download',
  reason: 'HTTP 404 from https://arxiv.org/pdf/2511.00003v1',
  durations: { downloadMs: 300, totalMs: 310 },
};
const notStarted: PaperRun = { id: '2511.00004', outcome: 'not-started', reason: 'budget reached', durations: { totalMs: 0 } };

const baseInput: BuildRunReportInput = {
  runId: 'run-1',
  command: 'nightly',
  startedAt: '2026-11-22T02:00:01.250Z',
  finishedAt: '2026-11-22T02:03:11.750Z',
  date: '2026-11-21',
  source: { kind: 'hf', detail: 'https://huggingface.co/api/daily_papers?date=2026-11-21', empty: false },
  options: { model: 'gpt-5-mini', promptVersion: 'v1', maxCostUsd: 2, dryRun: false },
  papers: [],
};

describe('computeTotals', () => {
  it('counts outcomes and adds tokens and known spend', () => {
    const notSelected: PaperRun = { id: 'f', outcome: 'not-selected', ranking: { rank: 3, score: 0.2, reason: 'nearest interest: graphs' }, durations: { totalMs: 0 } };
    const totals = computeTotals([summarized('a', 0.1), summarized('b', 0.2, 500), skipped, failed, notStarted, notSelected]);
    expect(totals).toEqual({
      papers: 6,
      summarized: 2,
      skipped: 1,
      failed: 1,
      notStarted: 1,
      notSelected: 1,
      inputTokens: 1500,
      outputTokens: 400,
      cachedInputTokens: 200,
      costUsd: 0.3,
      costUnknown: false,
    });
  });

  it('flags the spend as a lower bound when some model had no price', () => {
    const totals = computeTotals([summarized('a', 0.01), summarized('b', null)]);
    expect(totals.costUsd).toBe(0.01);
    expect(totals.costUnknown).toBe(true);
  });

  it('gives zeros for no papers', () => {
    expect(computeTotals([])).toMatchObject({ papers: 0, summarized: 0, costUsd: 0, costUnknown: false });
  });
});

describe('buildRunReport', () => {
  it('derives duration, totals, status and exit code 0 when every paper was summarized or skipped', () => {
    const report = buildRunReport({
      ...baseInput,
      papers: [summarized('a', 0.01), skipped],
      digest: { path: 'digest/2026-11-21.md', papers: 1 },
    });
    expect(report).toMatchObject({
      schemaVersion: 1,
      durationMs: 190_500,
      status: 'completed',
      outcome: 'done',
      totals: { papers: 2, summarized: 1, skipped: 1 },
      digest: { path: 'digest/2026-11-21.md', papers: 1 },
    });
    expect(RunReportSchema.safeParse(report).success).toBe(true);
  });

  it('exits 3 when a paper failed', () => {
    expect(buildRunReport({ ...baseInput, papers: [summarized('a', 0.01), failed] })).toMatchObject({
      status: 'completed',
      outcome: 'partial',
    });
  });

  it('marks a budget stop with status budget-stopped and exit 3', () => {
    const report = buildRunReport({ ...baseInput, papers: [summarized('a', 2.1), notStarted], stoppedBy: 'budget' });
    expect(report).toMatchObject({ status: 'budget-stopped', outcome: 'partial', totals: { notStarted: 1 } });
  });

  it('marks an interrupted run with exit 130, whatever the papers did', () => {
    const report = buildRunReport({ ...baseInput, papers: [summarized('a', 0.01)], stoppedBy: 'interrupt' });
    expect(report).toMatchObject({ status: 'interrupted', outcome: 'interrupted' });
  });

  it('reports an empty source as such instead of a silent success', () => {
    const report = buildRunReport({ ...baseInput, source: { ...baseInput.source, empty: true } });
    expect(report).toMatchObject({ status: 'empty-source', outcome: 'done', totals: { papers: 0 } });
  });

  it('runOutcome agrees with the status', () => {
    const totals = computeTotals([]);
    const options = baseInput.options;
    expect(runOutcome({ status: 'completed', totals, options })).toBe('done');
    expect(runOutcome({ status: 'completed', totals: { ...totals, notStarted: 1 }, options })).toBe('partial');
    // A dry run starts no paper on purpose; only its failures make it exit 3.
    const dryRun = { ...options, dryRun: true };
    expect(runOutcome({ status: 'completed', totals: { ...totals, notStarted: 1 }, options: dryRun })).toBe('done');
    expect(runOutcome({ status: 'completed', totals: { ...totals, notStarted: 1, failed: 1 }, options: dryRun })).toBe('partial');
    // Papers ranked below --top were left out on purpose: the day is complete.
    expect(runOutcome({ status: 'completed', totals: { ...totals, notSelected: 40 }, options })).toBe('done');
  });
});

describe('writeRunReport', () => {
  let outputDir: string;
  beforeEach(async () => {
    outputDir = await mkdtemp(join(tmpdir(), 'run-report-'));
  });
  afterEach(async () => {
    await rm(outputDir, { recursive: true, force: true });
  });

  it('names the file after the start time without colons', () => {
    expect(runReportStem('2026-11-22T02:00:01.250Z')).toBe('2026-11-22T02-00-01Z');
    expect(runReportStem('2026-11-22T03:00:01+01:00')).toBe('2026-11-22T02-00-01Z');
  });

  it('reserves runs/<startedAt>.json at the start, then replaces it with the final report that reads back the same', async () => {
    const path = await reserveRunReport(outputDir, buildRunReport({ ...baseInput, running: true }), 2);
    expect(path).toBe(join(outputDir, 'runs', '2026-11-22T02-00-01Z.json'));
    expect(RunReportSchema.parse(JSON.parse(await readFile(path, 'utf8')))).toMatchObject({ status: 'running', outcome: 'failed' });
    const report = buildRunReport({ ...baseInput, papers: [summarized('a', 0.01), failed] });
    await writeRunReport(path, report);
    expect(RunReportSchema.parse(JSON.parse(await readFile(path, 'utf8')))).toEqual(report);
    expect(await readdir(join(outputDir, 'runs'))).toEqual(['2026-11-22T02-00-01Z.json']);
  });

  it('keeps both reports when two runs start in the same second', async () => {
    const first = await reserveRunReport(outputDir, buildRunReport(baseInput), 0);
    const second = await reserveRunReport(outputDir, buildRunReport({ ...baseInput, runId: 'run/2' }), 0);
    expect(first).not.toBe(second);
    expect((await readdir(join(outputDir, 'runs'))).sort()).toEqual([
      '2026-11-22T02-00-01Z-run_2.json',
      '2026-11-22T02-00-01Z.json',
    ]);
  });

  it.skipIf(!canMountTmpfs)('writes the final report over the reserved bytes when the disk is full', async () => {
    const disk = mountSmallDisk(256 * 1024);
    try {
      const path = await reserveRunReport(disk.path, buildRunReport({ ...baseInput, running: true }), 2);
      const reservedSize = (await stat(path)).size;
      await disk.fill();
      const report = buildRunReport({ ...baseInput, papers: [summarized('a', 0.01), failed] });
      await writeRunReport(path, report);
      expect(RunReportSchema.parse(JSON.parse(await readFile(path, 'utf8')))).toEqual(report);
      expect((await stat(path)).size).toBe(reservedSize);
    } finally {
      disk.unmount();
    }
  });

  it('refuses to write a report that breaks the schema, and writes nothing', async () => {
    const report = buildRunReport(baseInput);
    const broken = { ...report, date: '21/11/2026', totals: { ...report.totals, failed: -1 } };
    await expect(reserveRunReport(outputDir, broken, 0)).rejects.toThrow(/run report does not match its schema[\s\S]*date[\s\S]*failed/);
    expect(await readdir(outputDir)).toEqual([]);
  });
});
