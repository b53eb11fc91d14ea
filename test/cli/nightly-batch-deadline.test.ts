import { afterEach, describe, expect, it } from 'vitest';
import { computeCostUsd } from '../../src/llm/compute-cost-usd.js';
import { createFakeClock, runNight } from '../helpers/night-on-a-clock.js';
import { makeNightlyPapers, NIGHT, readLastRunReport } from '../helpers/nightly-papers.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

// A paper's tokens split into its batched part and the rest, each at its own price.
function costAtOwnPrices(usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number; batched?: { inputTokens: number; outputTokens: number; cachedInputTokens: number } | undefined }) {
  const batched = usage.batched ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
  const direct = { inputTokens: usage.inputTokens - batched.inputTokens, outputTokens: usage.outputTokens - batched.outputTokens, cachedInputTokens: usage.cachedInputTokens - batched.cachedInputTokens };
  return computeCostUsd('gpt-5-mini', batched)! / 2 + computeCostUsd('gpt-5-mini', direct)!;
}

async function startNight(papers: number) {
  const made = await makeNightlyPapers(papers);
  services = await startFakeServices(made);
  services.hf.setDay(NIGHT, made.map((paper) => paper.id));
  return services;
}

describe('nightly with SUMMARIZE_BATCH=auto and a deadline', () => {
  it('goes through the Batch API when the deadline allows, says why, and pays the batch price for a batch done in time', async () => {
    const running = await startNight(3);
    const clock = createFakeClock();
    const result = await runNight({ ...running.env, SUMMARIZE_BATCH: 'auto', SUMMARIZE_DEADLINE: '4h' }, clock);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);

    expect(result.stderr).toMatch(/model calls: through the Batch API at half price: the deadline \d\d:\d\d is 4 h away; if the batch is not done by \d\d:\d\d, it is cancelled and the calls it has not answered go at once \(3 calls take about 17 min sent at once, repairs and margin included\)/);
    expect(running.openai.batchApi.batches).toHaveLength(1);
    expect(running.openai.batchApi.cancelled).toEqual([]);
    expect(running.openai.requests.every((request) => request.batchId === running.openai.batchApi.batches[0]!.id)).toBe(true);
    const report = await readLastRunReport(running.outputDir);
    const summarized = report.papers.filter((paper) => paper.outcome === 'summarized');
    expect(summarized).toHaveLength(3);
    for (const paper of summarized) {
      const { batched, ...tokens } = paper.usage!;
      expect(batched).toEqual(tokens);
      expect(paper.costUsd).toBeCloseTo(computeCostUsd('gpt-5-mini', tokens)! / 2, 10);
    }
    expect(result.stderr).toMatch(/done in .*; spent \$[\d.]+; cached \d+ %; batch 100 %/);
  });

  it('cancels a batch not done by the latest start, keeps what it answered, and sends the rest at once: none paid twice', async () => {
    const running = await startNight(3);
    // The batch answers one line as it arrives and holds the other two for as long as anyone waits.
    running.openai.batchApi.setMode('on-command');
    running.openai.batchApi.answerOnArrival(1);
    const clock = createFakeClock();
    const startedAt = clock.now();
    const result = await runNight({ ...running.env, SUMMARIZE_BATCH: 'auto', SUMMARIZE_DEADLINE: '1h' }, clock);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);

    const [batch] = running.openai.batchApi.batches;
    expect(running.openai.batchApi.batches).toHaveLength(1);
    expect(running.openai.batchApi.cancelled).toEqual([batch!.id]);
    expect(result.stderr).toMatch(new RegExp(`batch ${batch!.id}: cancelling on the server \\(the 2 calls it has not answered can only just be sent at once before the deadline \\d\\d:\\d\\d; its answers are kept, the rest go at once\\)`));
    // Two lines and their possible repairs, four at a time, take a minute, with the 15 min margin: given up 16 min before the deadline, and no later.
    expect(clock.now() - startedAt).toBe(60 * 60_000 - 16 * 60_000);

    // One line answered in the batch, the two it left sent directly; the fake answered each call once.
    const inBatch = running.openai.requests.filter((request) => request.batchId === batch!.id);
    const direct = running.openai.requests.filter((request) => request.batchId === undefined);
    expect(inBatch).toHaveLength(1);
    expect(direct).toHaveLength(2);
    expect(new Set(running.openai.requests.map((request) => JSON.stringify(request.body.messages))).size).toBe(3);

    const report = await readLastRunReport(running.outputDir);
    const summarized = report.papers.filter((paper) => paper.outcome === 'summarized');
    expect(summarized).toHaveLength(3);
    expect(summarized.filter((paper) => paper.usage!.batched !== undefined)).toHaveLength(1);
    for (const paper of summarized) expect(paper.costUsd).toBeCloseTo(costAtOwnPrices(paper.usage!), 10);
    expect(report.totals.costUsd).toBeCloseTo(summarized.reduce((sum, paper) => sum + costAtOwnPrices(paper.usage!), 0), 6);
    // The closing line says how much went through the batch.
    const batchedTokens = summarized.reduce((sum, paper) => sum + (paper.usage!.batched?.inputTokens ?? 0), 0);
    expect(report.totals.batchedInputTokens).toBe(batchedTokens);
    expect(result.stderr).toContain(`; batch ${Math.round((100 * batchedTokens) / report.totals.inputTokens)} %`);
  });

  it('sends the calls at once, and says so, when the server has no Batch API', async () => {
    const running = await startNight(3);
    running.openai.batchApi.setMode('absent');
    const result = await runNight({ ...running.env, SUMMARIZE_BATCH: 'auto', SUMMARIZE_DEADLINE: '4h' }, createFakeClock());
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`model calls: sent at once: the server at ${running.openai.baseUrl} has no Batch API (404 on GET /v1/batches)`);
    expect(running.openai.batchApi.batches).toHaveLength(0);
    expect(running.openai.requests.filter((request) => request.batchId === undefined)).toHaveLength(3);
  });

  it('sends the calls at once, and says so, when the deadline is too near for a batch to be late', async () => {
    const running = await startNight(3);
    const clock = createFakeClock();
    const result = await runNight({ ...running.env, SUMMARIZE_BATCH: 'auto', SUMMARIZE_DEADLINE: '10m' }, clock);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/model calls: sent at once: the deadline \d\d:\d\d is 10 min away, and 3 calls take about 17 min sent at once/);
    expect(running.openai.batchApi.batches).toHaveLength(0);
    expect(running.openai.requests).toHaveLength(3);
  });
});
