import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BriefSchema } from '../../src/brief/brief-schema.js';
import { computeCostUsd } from '../../src/llm/compute-cost-usd.js';
import { makePdf } from '../helpers/make-pdf.js';
import { readLastRunReport } from '../helpers/nightly-papers.js';
import { makePaperPdf } from '../helpers/paper-pdf.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The built CLI, as users run it: `npm test` builds it first (pretest).
const BIN = join(PROJECT_ROOT, 'bin/summarize.js');
const PAPERS = [
  { id: '2509.08721', version: 2, title: 'Grounded Briefs of Papers', published: '2025-09-10T17:59:59Z' },
  { id: '2509.08722', version: 1, title: 'Batched Briefs of Papers', published: '2025-09-10T17:59:59Z' },
];

let services: FakeServices | undefined;
let child: ChildProcess | undefined;
beforeAll(() => {
  if (!existsSync(join(PROJECT_ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  await services?.close();
  services = undefined;
});

async function startServices() {
  services = await startFakeServices(await Promise.all(PAPERS.map(async (paper) => ({ ...paper, pdf: await makePaperPdf(paper.title) }))));
  return services;
}

const readBrief = async (running: FakeServices, file: string) => BriefSchema.parse(JSON.parse(await readFile(join(running.outputDir, 'papers', file), 'utf8')));

describe('summarize --batch', () => {
  it('sends every paper and style in one batch, writes the same briefs, and records the batch price', async () => {
    const running = await startServices();
    const result = await runCliCaptured([...PAPERS.map((paper) => paper.id), '--style', 'brief,blurb,commentary', '--batch'], running.env);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);

    const [batch] = running.openai.batchApi.batches;
    expect(running.openai.batchApi.batches).toHaveLength(1);
    // Two papers, one line per call: the brief, and the blurb with the commentary in one; no call went outside the batch.
    expect(batch!.lines).toHaveLength(4);
    const fieldsOf = (line: { body: { messages: Array<{ content: string }> } }) => /Answer in the fields? (.+?) of the JSON object/.exec(line.body.messages.at(-1)!.content)?.[1];
    expect(batch!.lines.map(fieldsOf).sort()).toEqual(['"blurb" and "commentary"', '"blurb" and "commentary"', '"brief"', '"brief"']);
    expect(new Set(batch!.lines.map((line) => line.custom_id.split('-')[0]))).toEqual(new Set(['2509.08721v2', '2509.08722v1']));
    expect(running.openai.requests.every((request) => request.batchId === batch!.id)).toBe(true);
    expect(result.stderr).toContain(`batch ${batch!.id}: completed, 4 of 4 answered, 0 failed`);

    const brief = await readBrief(running, '2509.08721v2.json');
    expect(brief.generation.usage.inputTokens).toBeGreaterThan(0);
    const { batched, ...tokens } = brief.generation.usage;
    expect(batched).toEqual(tokens);
    expect(brief.generation.costUsd).toBeCloseTo(computeCostUsd('gpt-5-mini', tokens)! / 2, 10);
    const styleFiles = (await readdir(join(running.outputDir, 'papers'))).filter((name) => name.startsWith('2509.08722v1'));
    expect(styleFiles.some((name) => name.includes('blurb'))).toBe(true);
    expect(styleFiles.some((name) => name.includes('commentary'))).toBe(true);
    // The pair's line is shared by its two records, both at the batch price.
    const [blurb, commentary] = await Promise.all(['blurb', 'commentary'].map(async (style) => JSON.parse(await readFile(join(running.outputDir, 'papers', `2509.08722v1.${style}.json`), 'utf8')).generation));
    for (const generation of [blurb, commentary]) expect(generation.usage.batched.inputTokens).toBe(generation.usage.inputTokens);
    // Every batch finished and was used: nothing is left to resume.
    expect(await readdir(join(running.cacheDir, 'batches'))).toEqual([]);
  });

  it('sends a repair in the next batch, with the answer and what was wrong, as a direct call would', async () => {
    const running = await startServices();
    running.openai.enqueue({ content: 'not json at all' });
    const result = await runCliCaptured([PAPERS[0]!.id, '--batch'], running.env);
    expect(result.code).toBe(0);

    const [first, repair] = running.openai.batchApi.batches;
    expect(running.openai.batchApi.batches).toHaveLength(2);
    expect(first!.lines).toHaveLength(1);
    expect(repair!.lines).toHaveLength(1);
    const repairMessages = repair!.lines[0]!.body.messages;
    expect(repairMessages.at(-2)).toEqual({ role: 'assistant', content: 'not json at all' });
    expect(repairMessages.at(-1).content).toContain('not valid JSON');
    expect((await readBrief(running, '2509.08721v2.json')).generation.attempts).toBe(2);
  });

  it('with follow-ups at once, sends the repair directly and prices each call at its own price: the batched brief at half, the repair at the list price', async () => {
    const running = await startServices();
    running.openai.enqueue({ content: 'not json at all', usage: { prompt_tokens: 12_000, completion_tokens: 900, cached_tokens: 0 } });
    const result = await runCliCaptured([PAPERS[0]!.id, '--batch'], { ...running.env, SUMMARIZE_BATCH_FOLLOW_UPS: 'at-once' });
    expect(result.code).toBe(0);

    // One batch of one line; the repair went straight to the chat endpoint, not into a second batch.
    expect(running.openai.batchApi.batches).toHaveLength(1);
    const [first, repair] = running.openai.requests;
    expect(running.openai.requests).toHaveLength(2);
    expect(first!.batchId).toBe(running.openai.batchApi.batches[0]!.id);
    expect(repair!.batchId).toBeUndefined();
    expect(repair!.body.messages.at(-2)).toEqual({ role: 'assistant', content: 'not json at all' });

    const { generation } = await readBrief(running, '2509.08721v2.json');
    const batched = { inputTokens: 12_000, outputTokens: 900, cachedInputTokens: 0 };
    expect(generation.usage.batched).toEqual(batched);
    const direct = { inputTokens: generation.usage.inputTokens - 12_000, outputTokens: generation.usage.outputTokens - 900, cachedInputTokens: generation.usage.cachedInputTokens };
    expect(direct.inputTokens).toBeGreaterThan(0);
    const sum = computeCostUsd('gpt-5-mini', batched)! / 2 + computeCostUsd('gpt-5-mini', direct)!;
    expect(generation.costUsd).toBeCloseTo(sum, 10);
    const report = await readLastRunReport(running.outputDir);
    expect(report.papers[0]!.costUsd).toBeCloseTo(sum, 10);
    expect(report.totals.costUsd).toBeCloseTo(sum, 6);
  });

  it('names the server when it has no Batch API, and writes no brief', async () => {
    const running = await startServices();
    running.openai.batchApi.setMode('absent');
    const result = await runCliCaptured([PAPERS[0]!.id, '--batch'], running.env);
    expect(result.code).toBe(1);
    // Asked before the first PDF: one line, and no paper downloaded for nothing.
    expect(result.stderr).toContain(`the server at ${running.openai.baseUrl} has no Batch API (404 on GET /v1/batches): run without --batch (SUMMARIZE_BATCH=off), or point OPENAI_BASE_URL at a server that has one; no paper was summarized`);
    expect(running.arxiv.requests.filter((request) => request.path.startsWith('/pdf/'))).toHaveLength(0);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(join(running.outputDir, 'papers')).catch(() => [])).toEqual([]);
  });

  it('a run killed while its batch is in progress is resumed by the rerun, which pays for no second batch', async () => {
    const running = await startServices();
    running.openai.batchApi.setMode('on-command');
    const argv = [PAPERS[0]!.id, '--batch'];
    const killed = spawn(process.execPath, [BIN, ...argv], { cwd: PROJECT_ROOT, env: running.env, stdio: ['ignore', 'ignore', 'pipe'] });
    child = killed;
    let stderr = '';
    killed.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => killed.once('exit', (_code, signal) => resolve(signal)));
    const [batch] = await Promise.race([running.openai.batchApi.waitForBatches(1), exited.then(() => Promise.reject(new Error(`the run ended before its batch: ${stderr}`)))]);
    killed.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(await readdir(join(running.outputDir, 'papers')).catch(() => [])).toEqual([]);

    // The batch finishes while no run is there; the rerun finds it in its journal and reads its answers.
    await running.openai.batchApi.complete(batch!.id);
    running.openai.batchApi.setMode('immediate');
    const rerun = await runCliCaptured(argv, running.env);
    expect(rerun.code).toBe(0);
    expect(running.openai.batchApi.batches).toHaveLength(1);
    expect(running.openai.requests).toHaveLength(1);
    expect((await readBrief(running, '2509.08721v2.json')).paper.id).toBe('2509.08721');
  });

  it('Ctrl-C twice cancels the batch on the server; the rerun sends again only what the cancelled batch did not answer', async () => {
    const running = await startServices();
    running.openai.batchApi.setMode('on-command');
    const argv = [PAPERS[0]!.id, '--batch'];
    const interrupted = spawn(process.execPath, [BIN, ...argv], { cwd: PROJECT_ROOT, env: running.env, stdio: ['ignore', 'ignore', 'pipe'] });
    child = interrupted;
    let stderr = '';
    const said = (text: string) => new Promise<void>((resolve) => interrupted.stderr!.on('data', () => stderr.includes(text) && resolve()));
    interrupted.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => interrupted.once('exit', (code) => resolve(code)));
    const [batch] = await running.openai.batchApi.waitForBatches(1);
    await said(`batch ${batch!.id}: in_progress`);
    interrupted.kill('SIGINT');
    await said('Ctrl-C again to abandon them');
    interrupted.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(running.openai.batchApi.cancelled).toEqual([batch!.id]);
    expect(running.openai.batchApi.batches[0]!.status).toBe('cancelled');
    expect(stderr).toContain(`batch ${batch!.id}: cancelling on the server (interrupted)`);

    running.openai.batchApi.setMode('immediate');
    const rerun = await runCliCaptured(argv, running.env);
    expect(rerun.code).toBe(0);
    const [, resubmitted] = running.openai.batchApi.batches;
    expect(running.openai.batchApi.batches).toHaveLength(2);
    expect(resubmitted!.lines.map((line) => line.custom_id)).toEqual(batch!.lines.map((line) => line.custom_id));
  });

  it("sends a long paper's notes on every part in one batch, shared by the brief and its style and paid for once, then both answers, then both grounding rounds", async () => {
    // About 5,000 tokens of distinct sentences, read as parts under SUMMARIZE_MAX_INPUT_TOKENS=1500.
    const pages = Array.from({ length: 12 }, (_, page) => Array.from({ length: 20 }, (_, line) => `Observation ${page * 20 + line} relates the batch to the question of the paper.`).join('\n'));
    services = await startFakeServices([{ id: '2509.33334', title: 'A Long Batched Paper', pdf: await makePdf({ title: 'A Long Batched Paper', pages }) }]);
    const result = await runCliCaptured(['2509.33334', '--style', 'brief,blurb', '--batch', '--json'], { ...services.env, SUMMARIZE_MAX_INPUT_TOKENS: '1500' });
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);

    const [notesRound, answersRound, groundingRound] = services.openai.batchApi.batches;
    expect(services.openai.batchApi.batches).toHaveLength(3);
    expect(notesRound!.lines.length).toBeGreaterThan(1);
    expect(notesRound!.lines.every((line) => line.body.response_format === undefined)).toBe(true);
    const fieldOf = (line: { body: { messages: Array<{ content: string }> } }) => /Answer in the field "(\w+)"/.exec(line.body.messages.at(-1)!.content)?.[1];
    expect(answersRound!.lines.map(fieldOf).sort()).toEqual(['blurb', 'brief']);
    // The test model's numbers are not in this paper: each answer's grounding round goes in the next batch, with the conversation.
    expect(groundingRound!.lines).toHaveLength(2);
    for (const line of groundingRound!.lines) expect(line.body.messages.at(-1).content).toMatch(/^These numbers in your (brief|blurb) do not occur in the paper text/);
    // The notes were asked once for both styles, so their tokens are counted once.
    const [document] = JSON.parse(result.stdout);
    const recorded = [document.generation.usage, document.styles.blurb.generation.usage].reduce((sum, usage) => sum + usage.inputTokens, 0);
    const sent = services.openai.requests.reduce((sum, request) => sum + estimatePromptTokens(request.body), 0);
    expect(services.openai.requests).toHaveLength(notesRound!.lines.length + 4);
    expect(recorded).toBe(sent);
  });

  it('writes the podcast segments, which read the briefs, in the next batch at the batch price', async () => {
    const running = await startServices();
    const result = await runCliCaptured([...PAPERS.map((paper) => paper.id), '--style', 'brief,podcast', '--batch', '--json'], running.env);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);

    const [briefs, segments] = running.openai.batchApi.batches;
    expect(running.openai.batchApi.batches).toHaveLength(2);
    const fieldOf = (line: { body: { messages: Array<{ content: string }> } }) => /Answer in the field "(\w+)"/.exec(line.body.messages.at(-1)!.content)?.[1];
    expect(briefs!.lines.map(fieldOf)).toEqual(['brief', 'brief']);
    expect(segments!.lines.map(fieldOf)).toEqual(['podcast', 'podcast']);
    expect(running.openai.requests.every((request) => request.batchId !== undefined)).toBe(true);
    const documents = JSON.parse(result.stdout);
    expect(documents.map((document: { paper: { id: string } }) => document.paper.id)).toEqual(PAPERS.map((paper) => paper.id));
    for (const document of documents) {
      const { generation } = document.styles.podcast;
      const { batched, ...tokens } = generation.usage;
      expect(batched).toEqual(tokens);
      expect(generation.costUsd).toBeCloseTo(computeCostUsd('gpt-5-mini', tokens)! / 2, 10);
    }
  });
});

// The fake's count when it is not caching prompts: about 4 characters a token of the messages' JSON.
function estimatePromptTokens(body: { messages: unknown[] }): number {
  return Math.ceil(JSON.stringify(body.messages).length / 4);
}
