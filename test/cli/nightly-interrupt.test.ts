import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeNightlyPapers, NIGHT, readLastRunReport } from '../helpers/nightly-papers.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(PROJECT_ROOT, 'bin/summarize.js');
const PAPERS = 5;

let services: FakeServices;
afterEach(async () => {
  await services?.close();
});

describe('summarize nightly, interrupted with Ctrl-C (SIGINT)', () => {
  it('starts no new paper, lets the one in flight finish, writes the run report and exits 130', async () => {
    const papers = await makeNightlyPapers(PAPERS);
    services = await startFakeServices(papers, { latencyMs: 600 });
    const idsFile = join(services.outputDir, '..', 'ids.txt');
    await writeFile(idsFile, papers.map((paper) => paper.id).join('\n'));
    const env = { ...services.env, ARXIV_MIN_INTERVAL_MS: '20', SUMMARIZE_LLM_CONCURRENCY: '1' };
    const child = spawn(process.execPath, [BIN, 'nightly', '--date', NIGHT, '--ids-file', idsFile], { cwd: process.cwd(), env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    // Interrupt while the second paper is at the model.
    const deadline = Date.now() + 15_000;
    while (services.openai.requests.length < 2) {
      if (Date.now() > deadline) throw new Error(`the run never reached its second LLM call:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGINT');

    expect(await exited).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(services.openai.requests).toHaveLength(2);
    const report = await readLastRunReport(services.outputDir);
    expect(report.status).toBe('interrupted');
    expect(report.outcome).toBe('interrupted');
    // The call in flight was let finish and its brief kept; the rest were not started.
    expect(report.totals).toMatchObject({ summarized: 2, notStarted: PAPERS - 2, failed: 0 });
    const briefs = (await readdir(join(services.outputDir, 'papers'))).filter((name) => name.endsWith('.json'));
    expect(briefs).toHaveLength(2);
    expect(existsSync(join(services.outputDir, '.summarize.lock'))).toBe(false);
  });

  it('an interrupted nightly --force republishes the edition with every brief on disk, not only those it finished', async () => {
    const papers = await makeNightlyPapers(4);
    services = await startFakeServices(papers, { latencyMs: 600 });
    const idsFile = join(services.outputDir, '..', 'ids.txt');
    await writeFile(idsFile, papers.map((paper) => paper.id).join('\n'));
    const env = { ...services.env, ARXIV_MIN_INTERVAL_MS: '20', SUMMARIZE_LLM_CONCURRENCY: '1' };
    const run = (extra: string[]) => spawn(process.execPath, [BIN, 'nightly', '--date', NIGHT, '--ids-file', idsFile, ...extra], { cwd: process.cwd(), env, stdio: ['ignore', 'ignore', 'ignore'] });
    const first = run([]);
    expect(await new Promise((resolve) => first.once('exit', resolve))).toBe(0);
    const before = services.openai.requests.length;

    const forced = run(['--force']);
    const exited = new Promise<number | null>((resolve) => forced.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 15_000;
    while (services.openai.requests.length < before + 1) {
      if (Date.now() > deadline) throw new Error('the forced run never reached the model');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    forced.kill('SIGINT');
    expect(await exited).toBe(130);

    const digest = JSON.parse(await readFile(join(services.outputDir, 'digests', `${NIGHT}.json`), 'utf8'));
    expect(digest.papers.map((paper: { id: string }) => paper.id)).toEqual(papers.map((paper) => paper.id));
  });
});
