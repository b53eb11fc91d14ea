import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClock, runNight } from '../helpers/night-on-a-clock.js';
import { makeNightlyPapers, NIGHT, readLastRunReport } from '../helpers/nightly-papers.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

// 01:00 on this machine's clock, the night after the announcement.
const ONE_AM = new Date(2025, 8, 11, 1, 0).getTime();
const HOUR_MS = 3_600_000;

/** A first attempt at the night that submits its batch at `startAt` and stops at its first wait, as if killed: the batch stays in the journal, unfinished. */
async function attemptAndStop(running: FakeServices, env: NodeJS.ProcessEnv, startAt: number) {
  running.openai.batchApi.setMode('on-command');
  // The batch answers one line of three as it arrives and holds the other two.
  running.openai.batchApi.answerOnArrival(1);
  const stopped = await runNight(env, createFakeClock(startAt, () => Promise.reject(new Error('the first attempt stops here'))));
  expect(stopped.stderr).toMatch(/model calls: through the Batch API at half price/);
  expect(running.openai.batchApi.batches).toHaveLength(1);
  expect(running.openai.batchApi.batches[0]!.status).toBe('in_progress');
  return running.openai.batchApi.batches[0]!;
}

async function startNight() {
  const made = await makeNightlyPapers(3);
  services = await startFakeServices(made);
  services.hf.setDay(NIGHT, made.map((paper) => paper.id));
  return services;
}

describe('a rerun of a night with SUMMARIZE_BATCH=auto and a deadline', () => {
  it('sending at once, first collects the batch an earlier attempt submitted, and pays for no line twice', async () => {
    const running = await startNight();
    const env = { ...running.env, SUMMARIZE_BATCH: 'auto', SUMMARIZE_DEADLINE: '06:30' };
    const batch = await attemptAndStop(running, env, ONE_AM);

    // The rerun is told to hurry: a deadline too near for any batch.
    const rerun = await runNight({ ...env, SUMMARIZE_DEADLINE: '10m' }, createFakeClock(ONE_AM + HOUR_MS));
    expect(rerun.stderr).not.toContain('internal error');
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toMatch(/model calls: sent at once: the deadline \d\d:\d\d is 10 min away, and 3 calls take about 17 min sent at once, repairs and margin included; first, the batch an earlier attempt submitted \(paid for already\) is waited for while the deadline allows, then cancelled, their answers kept and only the rest sent at once/);
    expect(running.openai.batchApi.batches).toHaveLength(1);
    expect(running.openai.batchApi.cancelled).toEqual([batch.id]);
    expect(rerun.stderr).toContain(`batch ${batch.id}: cancelling on the server (the 2 calls it has not answered can only just be sent at once before the deadline`);
    // Each of the 3 calls answered once: one in the batch, the two it left directly.
    expect(running.openai.requests.filter((request) => request.batchId === batch.id)).toHaveLength(1);
    expect(running.openai.requests.filter((request) => request.batchId === undefined)).toHaveLength(2);
    expect(new Set(running.openai.requests.map((request) => JSON.stringify(request.body.messages))).size).toBe(running.openai.requests.length);
    const report = await readLastRunReport(running.outputDir);
    expect(report.papers.filter((paper) => paper.outcome === 'summarized')).toHaveLength(3);
    // Its answers used, the batch's record goes.
    expect((await readdir(join(running.cacheDir, 'batches'))).filter((name) => name.endsWith('.json'))).toEqual([]);
  });
});
