import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBatchJournal } from '../../src/batch/batch-journal.js';
import { createBatchQueue } from '../../src/batch/create-batch-queue.js';
import { createLlmClient } from '../../src/llm/create-llm-client.js';
import { type FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai-server.js';

let fake: FakeOpenAi;
let client: OpenAI;
let cacheDir: string;
const logged: string[] = [];

beforeEach(async () => {
  // Each request is answered with its own question, so an answer that went to the wrong call shows.
  fake = await startFakeOpenAi({ responder: (body) => ({ content: `answer to ${body.messages[0].content}` }) });
  client = createLlmClient({ baseUrl: fake.baseUrl, timeoutMs: 5_000 });
  cacheDir = await mkdtemp(join(tmpdir(), 'arxiv-brief-batch-'));
  logged.length = 0;
});

afterEach(async () => {
  await fake.close();
  await rm(cacheDir, { recursive: true, force: true });
});

const ask = (question: string) => ({ model: 'gpt-5-mini', messages: [{ role: 'user' as const, content: question }] });
// A call the batch gives back is sent to the fake's chat endpoint directly, as requestCompletion does.
const inBatch = (question: string, followUp = false) => [ask(question), { followUp, sendAtOnce: () => client.chat.completions.create(ask(question)) }] as const;
const contentOf = (answer: unknown) => (answer as { completion: { choices: Array<{ message: { content: string } }> } }).completion.choices[0]!.message.content;

/** A sleep that returns only when the test says, and tells the test it was called: polls wait for events, not the clock. */
function createManualSleep() {
  const sleepers: Array<() => void> = [];
  let called: (() => void) | undefined;
  return {
    sleep: () =>
      new Promise<void>((resolve) => {
        sleepers.push(resolve);
        called?.();
      }),
    nextSleep: () => (sleepers.length > 0 ? Promise.resolve() : new Promise<void>((resolve) => (called = resolve))),
    wake: () => sleepers.splice(0).forEach((resolve) => resolve()),
  };
}

function startQueue(options: { signal?: AbortSignal; sleep?: (milliseconds: number) => Promise<void>; limits?: { maxLines: number; maxBytes: number }; onlyRecorded?: boolean } = {}) {
  return createBatchQueue({
    client,
    cacheDir,
    log: (line) => logged.push(line),
    signal: options.signal ?? new AbortController().signal,
    sleep: options.sleep ?? (() => Promise.reject(new Error('no poll should wait'))),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.onlyRecorded ? { onlyRecorded: true } : {}),
  });
}

describe('createBatchQueue against the Files and Batches API', () => {
  it('sends the calls of every waiting paper as one JSONL batch and gives each its own answer by custom_id', async () => {
    const queue = startQueue();
    const first = queue.join('2509.00001v1');
    const second = queue.join('2509.00002v1');
    const answers = await Promise.all([first.answer(...inBatch('one')), second.answer(...inBatch('two'))]);
    first.leave();
    second.leave();

    expect(answers.map(contentOf)).toEqual(['answer to one', 'answer to two']);
    expect(fake.batchApi.batches).toHaveLength(1);
    const [batch] = fake.batchApi.batches;
    expect(batch!.lines.map((line) => line.custom_id)).toEqual([expect.stringMatching(/^2509\.00001v1-[0-9a-f]{16}$/), expect.stringMatching(/^2509\.00002v1-[0-9a-f]{16}$/)]);
    expect(batch!.lines.every((line) => line.method === 'POST' && line.url === '/v1/chat/completions')).toBe(true);
    expect(fake.requests.every((request) => request.batchId === batch!.id)).toBe(true);
    expect(logged).toContain(`batch ${batch!.id}: completed, 2 of 2 answered, 0 failed`);
    await queue.close();
    expect(await readdir(join(cacheDir, 'batches'))).toEqual([]);
  });

  it('waits for a paper still working before it sends, so one round is one batch', async () => {
    const queue = startQueue();
    const early = queue.join('2509.00001v1');
    const late = queue.join('2509.00002v1');
    const earlyAnswer = early.answer(...inBatch('one'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.batchApi.batches).toHaveLength(0);
    const lateAnswer = late.answer(...inBatch('two'));
    await Promise.all([earlyAnswer, lateAnswer]);
    expect(fake.batchApi.batches).toHaveLength(1);
  });

  it('resubmits only the requests an expired batch left unanswered', async () => {
    fake.batchApi.enqueueOutcome({ expireAfter: 1 });
    const queue = startQueue();
    const papers = ['a', 'b', 'c'].map((name) => queue.join(name));
    // A paper that has its answer goes on without the batch: the resubmission waits for the others only.
    const answers = await Promise.all(papers.map((paper, index) => paper.answer(...inBatch(`question ${index}`)).finally(() => paper.leave())));
    expect(answers.map(contentOf)).toEqual(['answer to question 0', 'answer to question 1', 'answer to question 2']);
    const [expired, resubmitted] = fake.batchApi.batches;
    expect(expired!.status).toBe('expired');
    expect(resubmitted!.lines.map((line) => line.custom_id)).toEqual(expired!.lines.slice(1).map((line) => line.custom_id));
    expect(fake.batchApi.batches).toHaveLength(2);
  });

  it('resubmits only the lines that failed with a server error, and fails a request the server refused', async () => {
    fake.batchApi.enqueueOutcome({ failLines: 1 });
    fake.enqueue({ content: 'fine' }, { status: 400 });
    const queue = startQueue();
    const papers = ['a', 'b', 'c'].map((name) => queue.join(name));
    // A paper whose call failed stops, as a paper does: the next round waits for the others only.
    const results = await Promise.allSettled(['one', 'two', 'three'].map((question, index) => papers[index]!.answer(...inBatch(question)).finally(() => papers[index]!.leave())));
    expect(results[0]).toMatchObject({ status: 'fulfilled' });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/^b-[0-9a-f]{16}: HTTP 400 in batch batch_\w+: fake error 400$/) } });
    expect(contentOf((results[2] as PromiseFulfilledResult<unknown>).value)).toBe('answer to three');
    expect(fake.batchApi.batches[1]!.lines.map((line) => line.custom_id)).toEqual([fake.batchApi.batches[0]!.lines[2]!.custom_id]);
  });

  it('splits a round into input files within the line limit', async () => {
    const queue = startQueue({ limits: { maxLines: 2, maxBytes: 200 * 1024 * 1024 } });
    const papers = ['a', 'b', 'c'].map((name) => queue.join(name));
    await Promise.all(papers.map((paper, index) => paper.answer(...inBatch(`question ${index}`))));
    // The files are submitted side by side, so they arrive in either order.
    expect(fake.batchApi.batches.map((batch) => batch.lines.length).sort()).toEqual([1, 2]);
  });

  it('names the server when it has no Batch API (404 on /v1/batches)', async () => {
    fake.batchApi.setMode('absent');
    const queue = startQueue();
    await expect(queue.join('a').answer(...inBatch('one'))).rejects.toThrow(
      `the server at ${fake.baseUrl} has no Batch API (404 on POST /v1/batches): run without --batch (SUMMARIZE_BATCH=off), or point OPENAI_BASE_URL at a server that has one`,
    );
  });

  it('a rerun resumes polling the batch a killed run recorded, and pays for no second one', async () => {
    fake.batchApi.setMode('on-command');
    const killed = startQueue({ sleep: () => new Promise(() => {}) });
    void killed.join('a').answer(...inBatch('one'));
    const [batch] = await fake.batchApi.waitForBatches(1);

    const manual = createManualSleep();
    const rerun = startQueue({ sleep: manual.sleep });
    const answer = rerun.join('a').answer(...inBatch('one'));
    await manual.nextSleep();
    expect(logged).toContain(`batch ${batch!.id}: in_progress, 0 of 1 answered, 0 failed`);
    await fake.batchApi.complete(batch!.id);
    manual.wake();
    expect(contentOf(await answer)).toBe('answer to one');
    expect(fake.batchApi.batches).toHaveLength(1);
    expect(fake.requests).toHaveLength(1);
  });

  it('a run killed after creating the batch but before recording its id finds the batch made from its file', async () => {
    // The killed run's steps: the intent and the uploaded file recorded, the batch created, its id never written.
    const customId = `a-${createHash('sha256').update(JSON.stringify(ask('one'))).digest('hex').slice(0, 16)}`;
    const input = `${JSON.stringify({ custom_id: customId, method: 'POST', url: '/v1/chat/completions', body: ask('one') })}\n`;
    const file = await client.files.create({ file: new File([input], 'input.jsonl'), purpose: 'batch' });
    await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    await createBatchJournal(cacheDir).record({ key: 'killed-run', customIds: [customId], inputFileId: file.id }, input);

    const rerun = startQueue();
    expect(contentOf(await rerun.join('a').answer(...inBatch('one')))).toBe('answer to one');
    expect(fake.batchApi.batches).toHaveLength(1);
    expect(fake.requests).toHaveLength(1);
  });

  it('a recorded batch the server no longer has is forgotten, and its requests go in a new batch', async () => {
    const customId = `a-${createHash('sha256').update(JSON.stringify(ask('one'))).digest('hex').slice(0, 16)}`;
    await createBatchJournal(cacheDir).record({ key: 'gone', customIds: [customId], inputFileId: 'file-gone', batchId: 'batch_gone' }, '');

    const rerun = startQueue();
    expect(contentOf(await rerun.join('a').answer(...inBatch('one')))).toBe('answer to one');
    expect(fake.batchApi.batches).toHaveLength(1);
    expect(fake.batchApi.batches[0]!.lines.map((line) => line.custom_id)).toEqual([customId]);
    expect(logged.some((line) => line.startsWith('batch batch_gone: no longer on the server (the Batch API failed on GET /v1/batches/batch_gone (HTTP 404)'))).toBe(true);
    expect((await createBatchJournal(cacheDir).list()).map((record) => record.key)).not.toContain('gone');
  });

  it('collecting only, sends at once every call no recorded batch holds, and those of a batch the server no longer has: no new batch', async () => {
    const customId = `a-${createHash('sha256').update(JSON.stringify(ask('one'))).digest('hex').slice(0, 16)}`;
    await createBatchJournal(cacheDir).record({ key: 'gone', customIds: [customId], inputFileId: 'file-gone', batchId: 'batch_gone' }, '');

    const rerun = startQueue({ onlyRecorded: true });
    const recorded = rerun.join('a');
    const other = rerun.join('b');
    const [answerToOne, answerToTwo] = await Promise.all([recorded.answer(...inBatch('one')), other.answer(...inBatch('two')).finally(() => other.leave())]);
    expect(contentOf(answerToOne)).toBe('answer to one');
    expect(contentOf(answerToTwo)).toBe('answer to two');
    expect(fake.batchApi.batches).toHaveLength(0);
    expect(fake.requests.map((request) => request.batchId)).toEqual([undefined, undefined]);
    expect(logged.some((line) => line.startsWith('batch batch_gone: no longer on the server'))).toBe(true);
  });

  it('skips a corrupt batch record, naming its file, and the run goes on', async () => {
    await mkdir(join(cacheDir, 'batches'), { recursive: true });
    await writeFile(join(cacheDir, 'batches', 'corrupt.json'), '{"key": "corr');
    const queue = startQueue();
    const paper = queue.join('a');
    expect(contentOf(await paper.answer(...inBatch('one')))).toBe('answer to one');
    paper.leave();
    expect(logged.some((line) => line.startsWith(`batch record ${join(cacheDir, 'batches', 'corrupt.json')} is unreadable`))).toBe(true);
  });

  it('retries a poll the server answered 503, and the run gets its answers', async () => {
    fake.batchApi.setMode('on-command');
    const manual = createManualSleep();
    const queue = startQueue({ sleep: manual.sleep });
    const paper = queue.join('a');
    const answer = paper.answer(...inBatch('one'));
    const [batch] = await fake.batchApi.waitForBatches(1);
    await manual.nextSleep();
    fake.batchApi.failNextRequests(1);
    await fake.batchApi.complete(batch!.id);
    manual.wake();
    expect(contentOf(await answer)).toBe('answer to one');
    paper.leave();
    expect(fake.batchApi.failedRequests).toBe(1);
    expect(fake.batchApi.batches).toHaveLength(1);
  });

  it('cancels the remote batch when the run is abandoned (Ctrl-C twice)', async () => {
    fake.batchApi.setMode('on-command');
    const interrupt = new AbortController();
    const manual = createManualSleep();
    const queue = startQueue({ signal: interrupt.signal, sleep: manual.sleep });
    const answer = queue.join('a').answer(...inBatch('one'));
    const [batch] = await fake.batchApi.waitForBatches(1);
    await manual.nextSleep();
    interrupt.abort();
    manual.wake();
    await expect(answer).rejects.toThrow();
    await expect.poll(() => fake.batchApi.cancelled).toEqual([batch!.id]);
    expect(fake.batchApi.batches[0]!.status).toBe('cancelled');
    expect(logged).toContain(`batch ${batch!.id}: cancelling on the server (interrupted)`);
  });
});
