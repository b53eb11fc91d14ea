import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type OpenAI from 'openai';
import { waitForBatch } from '../../src/batch/wait-for-batch.js';
import { createLlmClient } from '../../src/llm/create-llm-client.js';
import { type FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai-server.js';

let fake: FakeOpenAi;
let client: OpenAI;

beforeEach(async () => {
  fake = await startFakeOpenAi({ responder: () => ({ content: 'an answer' }) });
  client = createLlmClient({ baseUrl: fake.baseUrl, timeoutMs: 5_000 });
});

afterEach(async () => {
  await fake.close();
});

describe('waiting for a batch', () => {
  it("leaves no listener on the run's signal however many times it polls (a night of polls warned of a leak)", async () => {
    fake.batchApi.setMode('on-command');
    const line = JSON.stringify({ custom_id: 'a', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-5-mini', messages: [{ role: 'user', content: 'hi' }] } });
    const file = await client.files.create({ file: new File([`${line}\n`], 'batch.jsonl'), purpose: 'batch' });
    const created = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    const run = new AbortController();
    let polls = 0;
    // The batch finishes after 30 polls, as a batch does after hours of backoff.
    const sleep = async () => {
      polls += 1;
      if (polls === 30) await fake.batchApi.complete(created.id);
    };

    const batch = await waitForBatch(client, created.id, { sleep, signal: run.signal });

    expect(batch.status).toBe('completed');
    expect(polls).toBe(30);
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
  });
});
