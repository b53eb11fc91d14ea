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
const MINUTE_MS = 60_000;

/** A first attempt at the night that submits its batch at `startAt` and stops at its first wait, as if killed: the batch stays in the journal, unfinished, `answered` of its three lines done. */
async function attemptAndStop(running: FakeServices, env: NodeJS.ProcessEnv, startAt: number, answered: number) {
  running.openai.batchApi.setMode('on-command');
  running.openai.batchApi.answerOnArrival(answered);
  const stopped = await runNight(env, createFakeClock(startAt, () => Promise.reject(new Error('the first attempt stops here'))));
  expect(stopped.stderr).toMatch(/batch batch_\w+: in_progress/);
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
  it('past the deadline of its first attempt, says so, collects the batch that attempt submitted, and pays for no line twice', async () => {
    const running = await startNight();
    const env = { ...running.env, SUMMARIZE_BATCH: 'auto', SUMMARIZE_DEADLINE: '06:30' };
    const batch = await attemptAndStop(running, env, ONE_AM, 1);

    // Rerun at 07:00: the night's 06:30 has passed; tomorrow's would mean an edition a day late.
    const rerun = await runNight(env, createFakeClock(ONE_AM + 6 * 60 * MINUTE_MS));
    expect(rerun.stderr).not.toContain('internal error');
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain(
      "model calls: sent at once: the deadline 06:30 passed 30 min ago (counted from the night's first attempt at 01:00); first, the batch an earlier attempt submitted (paid for already) is waited for while the deadline allows, then cancelled, its answers kept and only the rest sent at once",
    );
    expect(running.openai.batchApi.batches).toHaveLength(1);
    expect(running.openai.batchApi.cancelled).toEqual([batch.id]);
    expect(rerun.stderr).toContain(`batch ${batch.id}: cancelling on the server (the deadline 06:30 has passed; its answers are kept, the rest go at once)`);
    // Each of the 3 calls answered once: one in the batch, the two it left directly.
    expect(running.openai.requests.filter((request) => request.batchId === batch.id)).toHaveLength(1);
    expect(running.openai.requests.filter((request) => request.batchId === undefined)).toHaveLength(2);
    expect(new Set(running.openai.requests.map((request) => JSON.stringify(request.body.messages))).size).toBe(running.openai.requests.length);
    const report = await readLastRunReport(running.outputDir);
    expect(report.papers.filter((paper) => paper.outcome === 'summarized')).toHaveLength(3);
    expect(report.digest).toEqual({ path: join(running.outputDir, 'digests', `${NIGHT}.md`), papers: 3 });
    // Its answers used, the batch's record goes.
    expect((await readdir(join(running.cacheDir, 'batches'))).filter((name) => name.endsWith('.json'))).toEqual([]);
  });

  it('before the deadline, keeps waiting for the batch its first attempt submitted, and submits no other', async () => {
    const running = await startNight();
    const env = { ...running.env, SUMMARIZE_BATCH: 'auto', SUMMARIZE_DEADLINE: '06:30' };
    const batch = await attemptAndStop(running, env, ONE_AM, 0);

    // Rerun at 03:00; the batch finishes while the rerun waits for it.
    const clock = createFakeClock(ONE_AM + 2 * 60 * MINUTE_MS, () => running.openai.batchApi.complete(batch.id).catch(() => undefined));
    const rerun = await runNight(env, clock);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain("model calls: through the Batch API at half price: the deadline 06:30 is 3 h 30 min away (counted from the night's first attempt at 01:00)");
    expect(clock.slept.length).toBeGreaterThan(0);
    expect(running.openai.batchApi.batches).toHaveLength(1);
    expect(running.openai.batchApi.cancelled).toEqual([]);
    expect(running.openai.requests).toHaveLength(3);
    expect(running.openai.requests.every((request) => request.batchId === batch.id)).toBe(true);
    expect((await readLastRunReport(running.outputDir)).papers.filter((paper) => paper.outcome === 'summarized')).toHaveLength(3);
  });

  it('sending at once for a deadline too near, first collects the batch an earlier attempt submitted', async () => {
    const running = await startNight();
    const env = { ...running.env, SUMMARIZE_BATCH: 'auto', SUMMARIZE_DEADLINE: '06:30' };
    const batch = await attemptAndStop(running, env, ONE_AM, 1);

    // 06:25: the deadline is 5 min away.
    const rerun = await runNight(env, createFakeClock(ONE_AM + (5 * 60 + 25) * MINUTE_MS));
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain("model calls: sent at once: the deadline 06:30 is 5 min away (counted from the night's first attempt at 01:00), and 3 calls take about 17 min sent at once, repairs and margin included; first, the batch");
    expect(running.openai.batchApi.cancelled).toEqual([batch.id]);
    expect(rerun.stderr).toContain(`batch ${batch.id}: cancelling on the server (the 2 calls it has not answered can only just be sent at once before the deadline 06:30; its answers are kept, the rest go at once)`);
    expect(running.openai.requests.filter((request) => request.batchId === batch.id)).toHaveLength(1);
    expect(running.openai.requests.filter((request) => request.batchId === undefined)).toHaveLength(2);
  });

  it('a first attempt that starts after its time of day is late for it, and sends at once', async () => {
    const running = await startNight();
    const result = await runNight({ ...running.env, SUMMARIZE_BATCH: 'auto', SUMMARIZE_DEADLINE: '06:30' }, createFakeClock(ONE_AM + (5 * 60 + 45) * MINUTE_MS));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('model calls: sent at once: the deadline 06:30 passed 15 min ago\n');
    expect(running.openai.batchApi.batches).toHaveLength(0);
    expect(running.openai.requests).toHaveLength(3);
  });

  it('with the Batch API turned off after a killed batch night, cancels that batch at once, keeps its answers and pays for no line twice', async () => {
    const running = await startNight();
    const batch = await attemptAndStop(running, { ...running.env, SUMMARIZE_BATCH: '1' }, ONE_AM, 1);

    const rerun = await runNight({ ...running.env, SUMMARIZE_BATCH: '0' }, createFakeClock(ONE_AM + 60 * MINUTE_MS));
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain('model calls: sent at once (SUMMARIZE_BATCH is off); first, the batch an earlier attempt submitted (paid for already) is cancelled, its answers kept and only the rest sent at once');
    expect(running.openai.batchApi.batches).toHaveLength(1);
    expect(running.openai.batchApi.cancelled).toEqual([batch.id]);
    expect(running.openai.requests.filter((request) => request.batchId === batch.id)).toHaveLength(1);
    expect(running.openai.requests.filter((request) => request.batchId === undefined)).toHaveLength(2);
    expect((await readLastRunReport(running.outputDir)).papers.filter((paper) => paper.outcome === 'summarized')).toHaveLength(3);
  });
});
