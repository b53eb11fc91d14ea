import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArxivForbiddenError } from '../../src/arxiv/arxiv-forbidden-error.js';
import { ArxivRequestError } from '../../src/arxiv/arxiv-request-error.js';
import { buildUserAgent } from '../../src/arxiv/build-user-agent.js';
import { createArxivQueue, type ArxivQueue, type ArxivQueueOptions } from '../../src/arxiv/create-arxiv-queue.js';
import { startFakeArxiv, type FakeArxiv } from '../fakes/fake-arxiv-server.js';

const INTERVAL_MS = 150;
// the server stamps arrival, a few ms after the client's start; without spacing gaps would be ~1 ms
const NETWORK_JITTER_MS = 25;

let arxiv: FakeArxiv;
let queue: ArxivQueue | undefined;
let waits: number[];

beforeEach(async () => {
  arxiv = await startFakeArxiv({ papers: [{ id: '2509.08721', version: 2 }] });
  waits = [];
});

afterEach(async () => {
  await queue?.close();
  queue = undefined;
  await arxiv.close();
});

// records every wait the queue asks for but sleeps at most 20 ms, so Retry-After tests stay fast
async function recordingSleep(ms: number): Promise<void> {
  waits.push(ms);
  await delay(Math.min(ms, 20));
}

function makeQueue(options: Partial<ArxivQueueOptions> = {}): ArxivQueue {
  queue = createArxivQueue({
    minIntervalMs: INTERVAL_MS,
    maxRetryAfterMs: 5_000,
    userAgent: buildUserAgent('9.9.9'),
    backoffMs: 40,
    ...options,
  });
  return queue;
}

function apiUrl(id = '2509.08721'): string {
  return `${arxiv.apiUrl}?id_list=${id}`;
}

describe('createArxivQueue', () => {
  it('sends every request on one connection, starts spaced by the interval, with the tool User-Agent', async () => {
    const polite = makeQueue();
    // opening the connection delays the first arrival, so spacing is measured after it
    await (await polite.fetch(apiUrl())).text();
    const bodies = await Promise.all([1, 2, 3, 4].map(async () => (await polite.fetch(apiUrl())).text()));

    expect(bodies.every((body) => body.includes('<id>http://arxiv.org/abs/2509.08721v2</id>'))).toBe(true);
    expect(arxiv.requests).toHaveLength(5);
    expect(new Set(arxiv.requests.map((request) => request.remotePort)).size).toBe(1);
    const starts = arxiv.requests.slice(1).map((request) => request.startedAt);
    for (let index = 1; index < starts.length; index++) {
      expect((starts[index] ?? 0) - (starts[index - 1] ?? 0)).toBeGreaterThanOrEqual(INTERVAL_MS - NETWORK_JITTER_MS);
    }
    expect(arxiv.requests[0]?.headers['user-agent']).toBe('arxiv-brief/9.9.9 (+https://github.com/arxiv-brief/arxiv-brief)');
  });

  it('does not make a request wait when the previous one started long enough ago', async () => {
    const polite = makeQueue({ minIntervalMs: 400 });
    await (await polite.fetch(apiUrl())).text();
    await delay(450);
    const startedAt = Date.now();
    await (await polite.fetch(apiUrl())).text();
    expect(Date.now() - startedAt).toBeLessThan(200);
  });

  it('holds the next request until the previous body is read or discarded', async () => {
    const polite = makeQueue({ minIntervalMs: 0 });
    const first = await polite.fetch(`${arxiv.pdfUrl}/2509.08721v1`);
    const second = polite.fetch(apiUrl());
    await delay(200);
    expect(arxiv.requests).toHaveLength(1);
    await first.discard();
    await (await second).discard();
    expect(arxiv.requests).toHaveLength(2);
  });

  it('retries a 503 after the Retry-After seconds, again through the interval', async () => {
    arxiv.failNext('/api/', { status: 503, headers: { 'retry-after': '1' } });
    const polite = makeQueue({ sleep: recordingSleep });
    const response = await polite.fetch(apiUrl());

    expect(response.status).toBe(200);
    await response.discard();
    expect(waits).toContain(1000);
    expect(arxiv.requests).toHaveLength(2);
    const [first, second] = arxiv.requests;
    expect((second?.startedAt ?? 0) - (first?.startedAt ?? 0)).toBeGreaterThanOrEqual(INTERVAL_MS - NETWORK_JITTER_MS);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const inTwoSeconds = new Date(Date.now() + 2_500).toUTCString();
    arxiv.failNext('/api/', { status: 429, headers: { 'retry-after': inTwoSeconds } });
    const polite = makeQueue({ sleep: recordingSleep });
    await (await polite.fetch(apiUrl())).discard();

    const retryWait = waits.find((ms) => ms > 1000);
    expect(retryWait).toBeGreaterThan(1000);
    expect(retryWait).toBeLessThanOrEqual(2_500);
  });

  it('fails at once, naming the URL and the wait, when Retry-After is above the cap', async () => {
    arxiv.failNext('/api/', { status: 429, headers: { 'retry-after': '120' } });
    const polite = makeQueue({ sleep: recordingSleep, maxRetryAfterMs: 60_000 });
    const url = apiUrl();
    const failure = await polite.fetch(url).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ArxivRequestError);
    expect((failure as ArxivRequestError).reason).toBe('retry-after-too-long');
    expect((failure as Error).message).toContain(url);
    expect((failure as Error).message).toContain('wait 2 min');
    expect((failure as Error).message).toContain('the 1 min we accept');
    expect(arxiv.requests).toHaveLength(1);
  });

  it('holds back the whole queue after a Retry-After above the cap: later requests fail without being sent, then wait out the rest', async () => {
    arxiv.failNext('/pdf/', { status: 429, headers: { 'retry-after': '2' } });
    const polite = makeQueue({ minIntervalMs: 0, maxRetryAfterMs: 1_000 });

    const pdfFailure = await polite.fetch(`${arxiv.pdfUrl}/2509.08721v2`).catch((error: unknown) => error);
    const apiFailure = await polite.fetch(apiUrl()).catch((error: unknown) => error);

    expect((pdfFailure as ArxivRequestError).reason).toBe('retry-after-too-long');
    // The API request, a different kind, was not sent during arXiv's pause, and says why.
    expect(apiFailure).toBeInstanceOf(ArxivRequestError);
    expect((apiFailure as ArxivRequestError).reason).toBe('retry-after-too-long');
    expect((apiFailure as Error).message).toMatch(/arXiv asked every client to pause for 2 s \(Retry-After on .*\/pdf\/2509\.08721v2\); not sending .*\/api\/query.* for another [\d.]+ s/);
    expect(arxiv.requests).toHaveLength(1);

    // Once the rest of the pause is within the cap, the next request waits for it instead of failing.
    await delay(1_200);
    await (await polite.fetch(apiUrl())).discard();
    expect(arxiv.requests).toHaveLength(2);
    expect(arxiv.requests[1]!.startedAt - arxiv.requests[0]!.startedAt).toBeGreaterThanOrEqual(2_000 - NETWORK_JITTER_MS);
  });

  it('stops at a 403 without retrying', async () => {
    arxiv.failNext('/api/', { status: 403, body: 'Forbidden' });
    const polite = makeQueue();
    const failure = await polite.fetch(apiUrl()).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ArxivForbiddenError);
    expect((failure as Error).message).toContain('HTTP 403');
    expect((failure as Error).message).toContain('rate rules');
    await delay(INTERVAL_MS * 2);
    expect(arxiv.requests).toHaveLength(1);
  });

  it('retries 5xx with exponential backoff and succeeds', async () => {
    arxiv.failNext('/api/', { status: 500 }, 2);
    const polite = makeQueue({ sleep: recordingSleep, minIntervalMs: 0 });
    const response = await polite.fetch(apiUrl());

    expect(response.status).toBe(200);
    await response.discard();
    expect(arxiv.requests).toHaveLength(3);
    expect(waits).toEqual([40, 80]);
  });

  it('gives up after maxRetries, saying what arXiv answered', async () => {
    arxiv.failNext('/api/', { status: 502 }, 10);
    const polite = makeQueue({ sleep: recordingSleep, minIntervalMs: 0, maxRetries: 2 });
    const url = apiUrl();
    const failure = await polite.fetch(url).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ArxivRequestError);
    expect((failure as ArxivRequestError).status).toBe(502);
    expect((failure as Error).message).toBe(`arXiv answered HTTP 502 for ${url} (3 attempts); try again later`);
    expect(arxiv.requests).toHaveLength(3);
  });

  it('sends an Accept header on every request: the one asked for, or any type', async () => {
    const polite = makeQueue({ minIntervalMs: 0 });
    await (await polite.fetch(apiUrl(), { accept: 'application/atom+xml' })).discard();
    await (await polite.fetch(`${arxiv.pdfUrl}/2509.08721v2`)).discard();

    expect(arxiv.requests.map((request) => request.headers.accept)).toEqual(['application/atom+xml', '*/*']);
  });

  it('retries a 406 (Not Acceptable) like a 429', async () => {
    arxiv.failNext('/api/', { status: 406, body: 'Not Acceptable' }, 2);
    const polite = makeQueue({ sleep: recordingSleep, minIntervalMs: 0 });
    const response = await polite.fetch(apiUrl(), { accept: 'application/atom+xml' });

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('2509.08721v2');
    expect(arxiv.requests).toHaveLength(3);
  });

  it('retries an HTML page at 200 (a rate-limit or captcha page) when a feed was asked for', async () => {
    arxiv.failNext('/api/', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html><body><h1>Rate exceeded.</h1></body></html>' }, 1);
    const polite = makeQueue({ sleep: recordingSleep, minIntervalMs: 0 });
    const response = await polite.fetch(apiUrl(), { accept: 'application/atom+xml' });

    expect(await response.text()).toContain('2509.08721v2');
    expect(arxiv.requests).toHaveLength(2);
  });

  it('names the HTML page (a short preview) when it gives up on it, not "not an Atom feed"', async () => {
    const page = `<html><head><title>Are you a robot?</title></head><body><p>Please solve the captcha to continue.</p>${'x'.repeat(2000)}</body></html>`;
    arxiv.failNext('/api/', { status: 200, headers: { 'content-type': 'text/html' }, body: page }, 10);
    const polite = makeQueue({ sleep: recordingSleep, minIntervalMs: 0, maxRetries: 2 });
    const url = apiUrl();
    const failure = await polite.fetch(url, { accept: 'application/atom+xml' }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ArxivRequestError);
    expect((failure as Error).message).toMatch(/^arXiv answered .* with an HTML page, not application\/atom\+xml \(3 attempts\): "Are you a robot\? Please solve the captcha to continue\. x+…"; /);
    expect((failure as Error).message.length).toBeLessThan(500);
    expect(arxiv.requests).toHaveLength(3);
  });

  it('retries a request that timed out', async () => {
    arxiv.failNext('/api/', { delayMs: 400 });
    const polite = makeQueue({ minIntervalMs: 0 });
    const response = await polite.fetch(apiUrl(), { timeoutMs: 100 });

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('2509.08721v2');
    expect(arxiv.requests).toHaveLength(2);
  });

  it('fails with a timeout when every attempt is too slow', async () => {
    arxiv.failNext('/api/', { delayMs: 400 }, 2);
    const polite = makeQueue({ minIntervalMs: 0, maxRetries: 1 });
    const failure = await polite.fetch(apiUrl(), { timeoutMs: 100 }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ArxivRequestError);
    expect((failure as ArxivRequestError).reason).toBe('timeout');
    expect((failure as Error).message).toContain('within 100 ms');
  });

  it('retries a dropped connection', async () => {
    arxiv.failNext('/api/', { dropConnection: true });
    const polite = makeQueue({ sleep: recordingSleep, minIntervalMs: 0 });
    const response = await polite.fetch(apiUrl());

    expect(response.status).toBe(200);
    await response.discard();
    expect(arxiv.requests).toHaveLength(2);
    expect(waits).toEqual([40]);
  });

  it('reports a body cut short as truncated, without retrying', async () => {
    arxiv.failNext('/api/', { status: 200, truncate: true, body: 'x'.repeat(1000) });
    const polite = makeQueue({ minIntervalMs: 0 });
    const response = await polite.fetch(apiUrl());
    const failure = await response.text().catch((error: unknown) => error);

    expect((failure as ArxivRequestError).reason).toBe('truncated');
    expect((failure as Error).message).toContain('got 500 of 1000 bytes');
    expect(arxiv.requests).toHaveLength(1);
  });

  it('caps the bytes read from a body', async () => {
    const polite = makeQueue({ minIntervalMs: 0 });
    const response = await polite.fetch(apiUrl());
    const failure = await response.readBytes({ maxBytes: 100 }).catch((error: unknown) => error);

    expect((failure as ArxivRequestError).reason).toBe('too-large');
    // the queue moves on after the refused body
    expect(await (await polite.fetch(apiUrl())).text()).toContain('2509.08721v2');
  });

  it('closes promptly even with an unread body and a queued request', async () => {
    const polite = makeQueue();
    const unread = await polite.fetch(apiUrl());
    const queued = polite.fetch(apiUrl()).catch((error: unknown) => error);
    const startedAt = Date.now();
    await polite.close();
    queue = undefined;

    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(unread.status).toBe(200);
    expect(String(await queued)).toContain('closed');
    expect(arxiv.requests).toHaveLength(1);
  });

  it('refuses new requests once closed', async () => {
    const polite = makeQueue();
    await (await polite.fetch(apiUrl())).text();
    await polite.close();
    await expect(polite.fetch(apiUrl())).rejects.toThrow('closed');
    queue = undefined;
  });
});
