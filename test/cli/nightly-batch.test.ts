import { afterEach, describe, expect, it } from 'vitest';
import { computeCostUsd } from '../../src/llm/compute-cost-usd.js';
import { makeNightlyPapers, NIGHT, readLastRunReport } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

const readTotal = (stdout: string) => Number(/Total: 2 papers, estimated \$(\d+\.\d{4})/.exec(stdout)?.[1]);

describe('nightly --batch', () => {
  it('--dry-run --batch estimates the same papers at half the price, and calls no model', async () => {
    const papers = await makeNightlyPapers(2);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    // A dearer model, so four decimals of dollars show the ratio.
    const dryRun = (extra: string[]) => runCliCaptured(['nightly', '--date', NIGHT, '--dry-run', '--model', 'gpt-4.1', ...extra], services!.env);

    const direct = await dryRun([]);
    const batched = await dryRun(['--batch']);
    expect(batched.code).toBe(0);
    expect(batched.stdout).toContain('Dry run with gpt-4.1 through the Batch API, at its half price: no LLM call was made.');
    expect(readTotal(direct.stdout)).toBeGreaterThan(0.01);
    expect(readTotal(batched.stdout)).toBeCloseTo(readTotal(direct.stdout) / 2, 3);
    expect(services.openai.requests).toHaveLength(0);
    expect(services.openai.batchApi.batches).toHaveLength(0);
  });

  it('a night of papers through one batch records the cost of each paper in the run report at the batch price', async () => {
    const papers = await makeNightlyPapers(3);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    const result = await runCliCaptured(['nightly', '--date', NIGHT], { ...services.env, SUMMARIZE_BATCH: '1' });
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);
    expect(services.openai.batchApi.batches).toHaveLength(1);
    expect(services.openai.batchApi.batches[0]!.lines).toHaveLength(3);
    // The progress shows the batch's state and counts.
    expect(result.stderr).toContain(`batch ${services.openai.batchApi.batches[0]!.id}: completed, 3 of 3 answered, 0 failed`);
    expect(services.openai.requests.every((request) => request.batchId !== undefined)).toBe(true);
    const report = await readLastRunReport(services.outputDir);
    const papersRun = report.papers.filter((paper) => paper.outcome === 'summarized');
    expect(papersRun).toHaveLength(3);
    for (const paper of papersRun) {
      // Every call went through the batch: all its tokens at half the list price.
      const { batched, ...tokens } = paper.usage!;
      expect(batched).toEqual(tokens);
      expect(paper.costUsd).toBeCloseTo(computeCostUsd('gpt-5-mini', tokens)! / 2, 10);
    }
  });
});
