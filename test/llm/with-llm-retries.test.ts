import type OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BriefError } from '../../src/errors/brief-error.js';
import { createLlmClient } from '../../src/llm/create-llm-client.js';
import { LlmError } from '../../src/llm/llm-error.js';
import { type LlmRetryOptions, withLlmRetries } from '../../src/llm/with-llm-retries.js';
import { type FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai-server.js';

const API_KEY = 'sk-proj-secretKEY0123456789abcdef';

let fake: FakeOpenAi;
let sleeps: number[];
beforeEach(async () => {
  fake = await startFakeOpenAi();
  sleeps = [];
});
afterEach(async () => {
  await fake.close();
});

function askModel(client: OpenAI, options: LlmRetryOptions = {}) {
  return withLlmRetries(
    () => client.chat.completions.create({ model: 'gpt-5-mini', messages: [{ role: 'user', content: 'Hello' }] }),
    {
      sleep: async (milliseconds) => {
        sleeps.push(milliseconds);
      },
      random: () => 0.5,
      ...options,
    },
  );
}

function clientFor(options: { apiKey?: string; timeoutMs?: number } = {}) {
  return createLlmClient({ apiKey: options.apiKey ?? API_KEY, baseUrl: fake.baseUrl, timeoutMs: options.timeoutMs ?? 5000 });
}

describe('withLlmRetries', () => {
  it('waits as long as Retry-After asks after a 429, then returns the answer', async () => {
    fake.enqueue({ status: 429, headers: { 'retry-after': '1' } }, { content: 'hello' });

    const completion = await askModel(clientFor());

    expect(completion.choices[0]?.message.content).toBe('hello');
    expect(sleeps).toEqual([1000]);
    expect(fake.requests).toHaveLength(2);
  });

  it('really sleeps for a short retry-after-ms by default', async () => {
    fake.enqueue({ status: 429, headers: { 'retry-after-ms': '150' } }, { content: 'hello' });

    const completion = await withLlmRetries(() =>
      clientFor().chat.completions.create({ model: 'gpt-5-mini', messages: [{ role: 'user', content: 'Hi' }] }),
    );

    expect(completion.choices[0]?.message.content).toBe('hello');
    const [first, second] = fake.requests;
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(140);
  });

  it('fails at once, saying what to raise, when Retry-After is over the limit', async () => {
    fake.enqueue({ status: 429, headers: { 'retry-after': '3600' } }, { content: 'never reached' });

    const error = await askModel(clientFor(), { maxRetryAfterMs: 60_000 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(LlmError);
    expect(error).toBeInstanceOf(BriefError);
    expect((error as LlmError).message).toMatch(
      /^the LLM server asked to wait 1 h \(Retry-After\); giving up: limit is 1 min, raise SUMMARIZE_MAX_RETRY_AFTER_MS/,
    );
    expect((error as LlmError).status).toBe(429);
    expect((error as LlmError).requestId).toBe('req_fake_1');
    expect(sleeps).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const now = Date.parse('2025-10-01T12:00:00Z');
    fake.enqueue({ status: 503, headers: { 'retry-after': 'Wed, 01 Oct 2025 12:00:05 GMT' } }, { content: 'ok' });

    await askModel(clientFor(), { now: () => now });

    expect(sleeps).toEqual([5000]);
  });

  it('retries server errors with growing delays, then returns the answer', async () => {
    fake.enqueue({ status: 500 }, { status: 502 }, { status: 503 }, { content: 'ok' });

    const completion = await askModel(clientFor(), { initialDelayMs: 100 });

    expect(completion.choices[0]?.message.content).toBe('ok');
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it('keeps the backoff jittered and capped', async () => {
    fake.enqueue({ status: 500 }, { status: 500 }, { content: 'ok' });

    await askModel(clientFor(), { initialDelayMs: 1000, maxDelayMs: 1500, random: () => 1 });

    expect(sleeps).toEqual([1250, 1875]);
  });

  it('gives up after maxRetries retries with the status and request id', async () => {
    fake.enqueue({ status: 500 }, { status: 500 }, { status: 500 }, { content: 'too late' });

    const error = (await askModel(clientFor(), { maxRetries: 2 }).catch((caught: unknown) => caught)) as LlmError;

    expect(error).toBeInstanceOf(LlmError);
    expect(error.message).toMatch(/the LLM server answered 500: fake error 500 \(gave up after 3 requests\)/);
    expect(error.status).toBe(500);
    expect(error.requestId).toBe('req_fake_3');
    expect(error.requests).toBe(3);
    expect(fake.requests).toHaveLength(3);
  });

  it('retries a request that timed out', async () => {
    fake.enqueue({ delayMs: 2000, content: 'too slow' }, { content: 'ok' });

    const completion = await askModel(clientFor({ timeoutMs: 200 }));

    expect(completion.choices[0]?.message.content).toBe('ok');
    expect(fake.requests).toHaveLength(2);
  });

  it('retries a dropped connection', async () => {
    fake.enqueue({ dropConnection: true }, { content: 'ok' });

    const completion = await askModel(clientFor());

    expect(completion.choices[0]?.message.content).toBe('ok');
  });

  it('says the server cannot be reached, naming OPENAI_BASE_URL, when nothing listens', async () => {
    const baseUrl = fake.baseUrl;
    await fake.close();
    const client = createLlmClient({ baseUrl, timeoutMs: 2000 });

    const error = await askModel(client, { maxRetries: 1 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).message).toMatch(/could not reach the LLM server \(connection refused \(ECONNREFUSED\).*OPENAI_BASE_URL/);
    expect(sleeps).toHaveLength(1);
    fake = await startFakeOpenAi();
  });

  it('does not retry a rejected key (401), and keeps the key out of the message and the error', async () => {
    // Some servers echo the key they were sent; OpenAI echoes it masked.
    fake.enqueue(
      { status: 401, body: { error: { message: `Incorrect API key provided: ${API_KEY}`, code: 'invalid_api_key' } } },
      { content: 'never reached' },
    );

    const error = await askModel(clientFor()).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).message).toBe('the LLM server rejected the API key (401): check OPENAI_API_KEY');
    expect((error as LlmError).status).toBe(401);
    expect(fake.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(String(error)).not.toContain(API_KEY);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(API_KEY);
    expect(String((error as LlmError).cause ?? '')).not.toContain(API_KEY);
  });

  it.each([
    [400, /answered 400: fake error 400/],
    [403, /refused access \(403/],
    [404, /no such model.*SUMMARIZE_MODEL/],
  ])('does not retry %i', async (status, message) => {
    fake.enqueue({ status }, { content: 'never reached' });

    const error = await askModel(clientFor()).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).message).toMatch(message);
    expect(fake.requests).toHaveLength(1);
  });

  it('redacts key-shaped text that a server puts in an error', async () => {
    fake.enqueue({ status: 400, body: { error: { message: `bad request for key ${API_KEY}` } } });

    const error = (await askModel(clientFor()).catch((caught: unknown) => caught)) as LlmError;

    expect(error.message).toMatch(/bad request for key \[redacted\]/);
    expect(error.message).not.toContain(API_KEY);
  });

  it('follows x-should-retry: false even on a 503', async () => {
    fake.enqueue({ status: 503, headers: { 'x-should-retry': 'false' } }, { content: 'never reached' });

    await expect(askModel(clientFor())).rejects.toThrow(LlmError);
    expect(fake.requests).toHaveLength(1);
  });

  it('rethrows errors that are not from the LLM client unchanged', async () => {
    const bug = new TypeError('a bug');

    await expect(withLlmRetries(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});

describe('the usage meter', () => {
  it('counts a refused connection as not billed, and a timeout as of unknown cost', async () => {
    const { createUsageMeter } = await import('../../src/llm/usage-meter.js');
    const refused = createUsageMeter();
    // A port that was just free: nothing listens, the connection is refused before any server sees the request.
    const { createServer } = await import('node:net');
    const probe = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const closed = createLlmClient({ apiKey: API_KEY, baseUrl: `http://127.0.0.1:${port}/v1`, timeoutMs: 2000 });
    await expect(askModel(closed, { maxRetries: 1, meter: refused })).rejects.toThrow(LlmError);
    expect([refused.requests, refused.unmetered]).toEqual([2, 0]);

    const timedOut = createUsageMeter();
    fake.enqueue({ delayMs: 2_000 }, { delayMs: 2_000 });
    const slow = createLlmClient({ apiKey: API_KEY, baseUrl: fake.baseUrl, timeoutMs: 100 });
    await expect(askModel(slow, { maxRetries: 1, meter: timedOut })).rejects.toThrow(LlmError);
    expect([timedOut.requests, timedOut.unmetered]).toEqual([2, 2]);
  });
});
