import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BriefSchema } from '../../src/brief/brief-schema.js';
import { makeNightlyPapers, NIGHT, readRunReports } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

// The built CLI, as users run it: `npm test` builds it first (pretest).
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(PROJECT_ROOT, 'bin/summarize.js');
const PAPERS = 6;
const CONCURRENCY = 2;
const INTERVAL_MS = 50;

let services: FakeServices;
let child: ChildProcess | undefined;

beforeAll(() => {
  if (!existsSync(join(PROJECT_ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
});

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  await services?.close();
});

describe('summarize nightly, killed with SIGKILL mid-run', () => {
  it('leaves only whole briefs, and the rerun takes over the stale lock and finishes each paper once', async () => {
    const papers = await makeNightlyPapers(PAPERS);
    services = await startFakeServices(papers, { latencyMs: 700 });
    const idsFile = join(services.outputDir, '..', 'ids.txt');
    await writeFile(idsFile, papers.map((paper) => paper.id).join('\n'));
    const argv = ['nightly', '--date', NIGHT, '--ids-file', idsFile];
    const env = { ...services.env, ARXIV_MIN_INTERVAL_MS: String(INTERVAL_MS), SUMMARIZE_LLM_CONCURRENCY: String(CONCURRENCY) };
    const papersDir = join(services.outputDir, 'papers');

    const running = spawn(process.execPath, [BIN, ...argv], { cwd: process.cwd(), env, stdio: ['ignore', 'ignore', 'pipe'] });
    child = running;
    let stderr = '';
    running.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => running.once('exit', (_code, signal) => resolve(signal)));
    await waitFor(async () => (await listFiles(papersDir)).some((name) => name.endsWith('.json')), 15_000, () => stderr);
    running.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // Requests the dead child had sent may still be in the server's buffers.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const callsAtKill = services.openai.requests.length;

    // What the killed run left: whole, valid briefs only, and its lock.
    const left = await listFiles(papersDir);
    const briefsLeft = left.filter((name) => name.endsWith('.json'));
    expect(briefsLeft.length).toBeGreaterThanOrEqual(1);
    expect(briefsLeft.length).toBeLessThan(PAPERS);
    for (const name of briefsLeft) BriefSchema.parse(JSON.parse(await readFile(join(papersDir, name), 'utf8')));
    const lock = JSON.parse(await readFile(join(services.outputDir, '.summarize.lock'), 'utf8'));
    expect(lock.pid).toBe(running.pid);
    // What a kill during writeFileAtomic leaves behind: the rerun must clear it.
    await writeFile(join(papersDir, `2509.10006v1.json.${running.pid}.0badc0de.tmp`), '{"schemaVersion": 1, "pap');

    // The arXiv side, seen from a server in another process: one connection, starts the interval apart.
    expect(new Set(services.arxiv.requests.map((request) => request.remotePort)).size).toBe(1);
    const starts = services.arxiv.requests.map((request) => request.startedAt);
    expect(starts.length).toBeGreaterThan(2);
    for (let index = 1; index < starts.length; index++) expect(starts[index]! - starts[index - 1]!).toBeGreaterThanOrEqual(INTERVAL_MS);

    const rerun = await runCliCaptured(argv, env);

    expect(rerun.stderr).not.toContain('holds');
    expect(rerun.code).toBe(0);
    expect(existsSync(join(services.outputDir, '.summarize.lock'))).toBe(false);
    const after = await listFiles(services.outputDir);
    expect(after.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const briefs = after.filter((name) => /^papers\/.+\.json$/.test(name));
    expect(briefs).toHaveLength(PAPERS);
    for (const name of briefs) BriefSchema.parse(JSON.parse(await readFile(join(services.outputDir, name), 'utf8')));
    // Each paper was paid for once, plus at most the calls in flight when the first run died.
    expect(services.openai.requests.length).toBeLessThanOrEqual(PAPERS + CONCURRENCY);
    expect(services.openai.requests.length - callsAtKill).toBe(PAPERS - briefsLeft.length);
    // The killed run's report, reserved at its start, says it never finished; the rerun's has the night.
    const [killed, report] = await readRunReports(services.outputDir);
    expect(killed).toMatchObject({ status: 'running', outcome: 'failed' });
    expect(report!.totals).toMatchObject({ papers: PAPERS, skipped: briefsLeft.length, summarized: PAPERS - briefsLeft.length, failed: 0 });
    expect(report!.outcome).toBe('done');
  });
});

// --- internal ---

async function listFiles(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder, { recursive: true })).map((name) => name.split('\\').join('/'));
  } catch {
    return [];
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms; child stderr:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
