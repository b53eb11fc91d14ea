import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { groundedBriefResponder } from '../helpers/brief-responder.js';
import { makeNightlyPapers, NIGHT, readLastRunReport, readRunReports } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { canMountTmpfs, mountSmallDisk, type SmallDisk } from '../helpers/small-disk.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(PROJECT_ROOT, 'bin', 'summarize.js');

let services: FakeServices;
let disk: SmallDisk | undefined;

afterEach(async () => {
  disk?.unmount();
  disk = undefined;
  await services?.close();
});

const nightly = (extra: string[] = [], env: NodeJS.ProcessEnv = {}) => runCliCaptured(['nightly', '--date', NIGHT, ...extra], { ...services.env, ...env });
// Each call as the estimate expects it (3,000 output tokens): about $0.0064 with gpt-5-mini.
const fullPriceUsage = { prompt_tokens: 1500, completion_tokens: 3000 };

describe('summarize nightly under faults', () => {
  it.skipIf(!canMountTmpfs)('on a full output disk fails the paper with the cause, pays for no more, keeps its brief and still writes the report', async () => {
    const papers = await makeNightlyPapers(5);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    disk = mountSmallDisk(2 * 1024 * 1024);
    const outputDir = join(disk.path, 'output');
    const filled = disk;
    // The disk fills up while the third paper is at the model.
    services.openai.setResponder(async (body, request) => {
      if (services.openai.requests.indexOf(request) === 2) await filled.fill();
      return groundedBriefResponder(body);
    });

    const result = await nightly([], { SUMMARIZE_OUTPUT_DIR: outputDir, SUMMARIZE_LLM_CONCURRENCY: '1' });

    expect(result.code).toBe(3);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.stderr).toMatch(/2509\.10003: could not write .*: no space left on device/);
    expect(services.openai.requests).toHaveLength(3);
    const report = await readLastRunReport(outputDir);
    expect(report).toMatchObject({ status: 'stopped', stopReason: 'output-unwritable', outcome: 'partial' });
    expect(report.papers.map((paper) => paper.outcome)).toEqual(['summarized', 'summarized', 'failed', 'not-started', 'not-started']);
    expect(report.papers[2]).toMatchObject({ stage: 'write' });
    // What the unwritten brief cost is in the record.
    expect(report.papers[2]!.costUsd).toBeGreaterThan(0);
    expect(report.papers[3]!.reason).toMatch(/output folder refused a brief/);
    expect(report.publish).toMatchObject({ ok: false });

    // Still full: the rerun pays for nothing, neither the kept brief again nor new papers whose writes would fail too.
    const stillFull = await nightly([], { SUMMARIZE_OUTPUT_DIR: outputDir, SUMMARIZE_LLM_CONCURRENCY: '1' });
    expect(stillFull.code).toBe(1);
    expect(stillFull.stderr).toMatch(/1 brief paid for earlier still cannot be written: could not write .*no space left on device.*; no paid call is started until there is room/);
    expect(services.openai.requests).toHaveLength(3);
    expect(stillFull.stderr).not.toMatch(/internal error|\n\s+at /);
    expect((await readdir(join(services.cacheDir, 'pending'))).length).toBe(1);

    // Space again: the rerun writes the kept brief without paying for it again, and does the rest.
    await filled.free();
    const rerun = await nightly([], { SUMMARIZE_OUTPUT_DIR: outputDir, SUMMARIZE_LLM_CONCURRENCY: '1' });
    expect(rerun.code).toBe(0);
    expect(services.openai.requests).toHaveLength(5);
    expect((await readdir(join(outputDir, 'papers'))).filter((name) => name.endsWith('.json'))).toHaveLength(5);
    expect(existsSync(join(outputDir, 'digests', `${NIGHT}.md`))).toBe(true);
  });

  it.skipIf(!canMountTmpfs)('on an output disk turning read-only mid-run ends with exit 3 and says so, not an internal error from the lock', async () => {
    const papers = await makeNightlyPapers(3);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    disk = mountSmallDisk(2 * 1024 * 1024);
    const outputDir = join(disk.path, 'output');
    const failing = disk;
    services.openai.setResponder(async (body, request) => {
      if (services.openai.requests.indexOf(request) === 1) failing.makeReadOnly();
      return groundedBriefResponder(body);
    });

    const result = await nightly([], { SUMMARIZE_OUTPUT_DIR: outputDir, SUMMARIZE_LLM_CONCURRENCY: '1' });

    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.stderr).toMatch(/file system is read-only/);
    expect(result.code).toBe(3);
  });

  it('counts what a paper spent when a paid answer is followed by a dead endpoint', async () => {
    const papers = await makeNightlyPapers(1);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    const serverError = { status: 500, headers: { 'retry-after': '0' } };
    services.openai.enqueue({ content: 'this is not JSON', usage: fullPriceUsage }, serverError, serverError, serverError, serverError, serverError);

    const result = await nightly();

    expect(result.code).toBe(3);
    const [paper] = (await readLastRunReport(services.outputDir)).papers;
    expect(paper).toMatchObject({ outcome: 'failed', stage: 'generate', usage: { inputTokens: 1500, outputTokens: 3000 } });
    expect(paper!.costUsd).toBeCloseTo(0.006375, 6);
    expect(paper!.unmeteredRequests).toBeUndefined();
  });

  it('stops starting papers when the LLM endpoint hangs, instead of failing every paper slowly', async () => {
    const papers = await makeNightlyPapers(12);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    services.openai.setResponder(() => ({ delayMs: 5_000 }));

    const startedAt = Date.now();
    const result = await nightly([], { SUMMARIZE_LLM_TIMEOUT_MS: '200', SUMMARIZE_LLM_CONCURRENCY: '4' });

    expect(result.code).toBe(3);
    // Without the stop: 12 papers × 5 requests, with backoff in between, about a minute here and hours in production.
    expect(services.openai.requests.length).toBeLessThanOrEqual(12);
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    const report = await readLastRunReport(services.outputDir);
    expect(report).toMatchObject({ status: 'stopped', stopReason: 'llm-unavailable', outcome: 'partial' });
    const notStarted = report.papers.filter((paper) => paper.outcome === 'not-started');
    expect(notStarted.length).toBeGreaterThanOrEqual(4);
    for (const paper of notStarted) expect(paper.reason).toMatch(/LLM endpoint failed \d+ requests in a row/);
    // Timed-out requests may have been billed: their cost is marked unknown, not zero.
    expect(report.totals.costUnknown).toBe(true);
    expect(report.papers.some((paper) => (paper.unmeteredRequests ?? 0) > 0)).toBe(true);
  });

  it('never passes --max-cost, even when every paper needs a repair', async () => {
    const papers = await makeNightlyPapers(6);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    // Every first answer is garbage; its repair is good. Each call costs what the estimate expects.
    services.openai.setResponder((body) => {
      const repairing = body.messages.length > 2;
      return repairing ? { ...groundedBriefResponder(body), usage: fullPriceUsage } : { content: 'not JSON', usage: fullPriceUsage };
    });

    const result = await nightly(['--max-cost', '0.031'], { SUMMARIZE_LLM_CONCURRENCY: '3' });

    expect(result.code).toBe(3);
    const report = await readLastRunReport(services.outputDir);
    expect(report.status).toBe('budget-stopped');
    expect(report.totals.costUsd).toBeLessThanOrEqual(0.031);
    expect(report.totals.summarized).toBeGreaterThanOrEqual(1);
  });

  it('records calls abandoned by SIGTERM as of unknown cost', async () => {
    const papers = await makeNightlyPapers(2);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    services.openai.setResponder(() => ({ delayMs: 10_000 }));
    const child = spawn(process.execPath, [BIN, 'nightly', '--date', NIGHT], { cwd: process.cwd(), env: services.env, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 15_000;
    while (services.openai.requests.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGTERM');

    expect(await exited).toBe(130);
    const report = await readLastRunReport(services.outputDir);
    expect(report.status).toBe('interrupted');
    expect(report.totals.costUnknown).toBe(true);
    for (const paper of report.papers) expect(paper).toMatchObject({ outcome: 'failed', unmeteredRequests: 1 });
  });

  it('summarize <id> killed with SIGTERM while the model works: exit 130, the report says interrupted and counts the call', async () => {
    const papers = await makeNightlyPapers(1);
    services = await startFakeServices(papers);
    services.openai.setResponder(() => ({ delayMs: 10_000 }));
    const child = spawn(process.execPath, [BIN, papers[0]!.id], { cwd: process.cwd(), env: services.env, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 15_000;
    while (services.openai.requests.length < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGTERM');

    expect(await exited).toBe(130);
    const report = await readLastRunReport(services.outputDir);
    expect(report).toMatchObject({ command: 'summarize', status: 'interrupted', outcome: 'interrupted', totals: { costUnknown: true } });
    expect(report.papers[0]).toMatchObject({ outcome: 'failed', unmeteredRequests: 1 });
  });

  it('summarize <id> ends at once on Ctrl-C while arXiv has not answered yet: nothing is paid for then', async () => {
    const papers = await makeNightlyPapers(1);
    services = await startFakeServices(papers);
    services.arxiv.failNext('/api/', { delayMs: 20_000 });
    const child = spawn(process.execPath, [BIN, papers[0]!.id], { cwd: process.cwd(), env: services.env, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
    const deadline = Date.now() + 15_000;
    while (services.arxiv.requests.length < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const interruptedAt = Date.now();
    child.kill('SIGINT');

    expect(await exited).toBe('SIGINT');
    expect(Date.now() - interruptedAt).toBeLessThan(3_000);
    expect(services.openai.requests).toHaveLength(0);
  });

  it('warns about a --date in the future', async () => {
    services = await startFakeServices([]);
    const result = await runCliCaptured(['nightly', '--date', '2999-01-01'], services.env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/--date 2999-01-01 is in the future/);
  });

  it('sums up thousands of bad --ids-file lines in a few stderr lines, and lists them all in the report', async () => {
    services = await startFakeServices([]);
    const idsFile = join(services.outputDir, '..', 'ids.txt');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(idsFile, Array.from({ length: 10_000 }, (_, index) => `not-an-id-${index}`).join('\n'));
    const result = await nightly(['--ids-file', idsFile]);
    expect(result.code).toBe(3);
    expect(result.stderr.split('\n').length).toBeLessThan(20);
    expect(result.stderr).toContain('9995 more entries that are not arXiv papers');
    const [report] = await readRunReports(services.outputDir);
    expect(report!.papers).toHaveLength(10_000);
  });
});
