import { setTimeout as delay } from 'node:timers/promises';
import PQueue from 'p-queue';
import type { Dispatcher } from 'undici';
import { ENV_NAMES } from '../config/config-schema.js';
import { ArxivForbiddenError } from './arxiv-forbidden-error.js';
import { ArxivRequestError } from './arxiv-request-error.js';
import { parseRetryAfter } from '../http/parse-retry-after.js';
import { formatDuration } from '../format/format-duration.js';
import { describeNetworkError } from '../http/describe-network-error.js';
import { loadUndiciParts } from '../http/load-undici-parts.js';
import { previewBody } from '../http/preview-body.js';

// Enough of an error page to show its title and first words.
const PAGE_PREVIEW_BYTES = 4096;

export type ArxivQueueOptions = {
  /** Least time between the starts of two requests (arXiv's terms: 3000). */
  minIntervalMs: number;
  /** Longest Retry-After we wait for; a longer demand fails the request. */
  maxRetryAfterMs: number;
  /** Sent on every request; see `buildUserAgent`. */
  userAgent: string;
  /** Retries after a 429, a 5xx, a network error or a timeout. Default: 3. */
  maxRetries?: number;
  /** First backoff wait when no Retry-After is given, doubled on each retry. Default: 1000. */
  backoffMs?: number;
  /** Time limit of one attempt (headers and body) when `fetch` is not given one. Default: 60_000. */
  timeoutMs?: number;
  /** Default: an undici Agent with one keep-alive connection, closed by `close()`. */
  dispatcher?: Dispatcher;
  /** Default: real timers. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Default: `Date.now`. */
  now?: () => number;
};

export type ArxivFetchInit = {
  signal?: AbortSignal;
  /** The Accept header; arXiv's servers answer 406 to some requests without one. Default: any type. */
  accept?: string;
  /** The answer must be a feed: an HTML page at 200 (a rate-limit or captcha page) is retried like a 503. */
  expectFeed?: boolean;
  /** Time limit of one attempt, reading the body included. */
  timeoutMs?: number;
};

/** A response from arXiv; read or discard its body, since the queue waits for it before the next request. */
export type ArxivResponse = {
  url: string;
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The raw body stream, for callers that read it themselves. */
  body: AsyncIterable<Uint8Array>;
  /** The whole body; fails with `ArxivRequestError` ('too-large', 'timeout', 'truncated', 'network'). */
  readBytes(options?: { maxBytes?: number }): Promise<Uint8Array>;
  text(): Promise<string>;
  /** Throws the body away so the connection can serve the next request. */
  discard(): Promise<void>;
};

/** The one way to talk to arXiv: one request at a time, spaced, on one connection, retried politely. */
export type ArxivQueue = {
  fetch(url: string, init?: ArxivFetchInit): Promise<ArxivResponse>;
  /**
   * Stops: requests not yet started fail, an unread body is dropped, the connection is closed so
   * the process can exit. Await your own work first (`try { ... } finally { await queue.close() }`).
   */
  close(): Promise<void>;
};

const OK = 200;
const FORBIDDEN = 403; // arXiv's answer to clients that break its rate rules
const TOO_MANY_REQUESTS = 429;
const SERVICE_UNAVAILABLE = 503;
const NOT_ACCEPTABLE = 406; // seen from arXiv's front end for requests it could not classify: passing, so retried

/** Builds the queue all arXiv traffic (API and PDFs) goes through. */
export function createArxivQueue(options: ArxivQueueOptions): ArxivQueue {
  const {
    minIntervalMs,
    maxRetryAfterMs,
    userAgent,
    maxRetries = 3,
    backoffMs = 1000,
    timeoutMs: defaultTimeoutMs = 60_000,
    sleep = (ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }),
    now = Date.now,
  } = options;
  const ownsDispatcher = options.dispatcher === undefined;
  const dispatcher = options.dispatcher ?? new (loadUndiciParts().Agent)({ connections: 1, pipelining: 1 });
  const queue = new PQueue({ concurrency: 1 });
  let lastStartAt: number | null = null;
  // A Retry-After is arXiv's word to this client, not to one URL: every request waits for it.
  let pause: { startedAt: number; until: number; url: string } | null = null;
  let closed = false;
  const closing = new AbortController();

  async function waitForPause(url: string, signal: AbortSignal | undefined): Promise<void> {
    if (pause === null) return;
    const remainingMs = pause.until - now();
    if (remainingMs <= 0) {
      pause = null;
      return;
    }
    if (remainingMs > maxRetryAfterMs) {
      throw new ArxivRequestError(
        url,
        'retry-after-too-long',
        `arXiv asked every client to pause for ${formatDuration(pause.until - pause.startedAt, { style: 'spaced' })} (Retry-After on ${pause.url}); ` +
          `not sending ${url} for another ${formatDuration(remainingMs, { style: 'spaced' })}, longer than the ${formatDuration(maxRetryAfterMs, { style: 'spaced' })} ` +
          `we wait (${ENV_NAMES.maxRetryAfterMs}); try again later`,
      );
    }
    await sleep(remainingMs, signal);
  }

  async function waitForTurn(signal: AbortSignal | undefined): Promise<void> {
    let wait = lastStartAt === null ? 0 : lastStartAt + minIntervalMs - now();
    while (wait > 0) {
      const before = now();
      await sleep(wait, signal);
      // a sleep that does not move the clock (a test's) must not spin forever
      if (now() === before) break;
      wait = (lastStartAt ?? 0) + minIntervalMs - now();
    }
    lastStartAt = now();
  }

  async function send(url: string, init: ArxivFetchInit): Promise<HeldResponse> {
    const timeoutMs = init.timeoutMs ?? defaultTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      init.signal?.throwIfAborted();
      await waitForPause(url, init.signal);
      await waitForTurn(init.signal);
      const attemptSignal = createAttemptSignal(timeoutMs, init.signal);
      const attempts = `${attempt + 1} attempt${attempt === 0 ? '' : 's'}`;
      let data: Dispatcher.ResponseData;
      try {
        const target = new URL(url);
        data = await dispatcher.request({
          origin: target.origin,
          path: `${target.pathname}${target.search}`,
          method: 'GET',
          headers: { 'user-agent': userAgent, accept: init.accept ?? '*/*' },
          signal: attemptSignal.signal,
        });
        // Counted again from the answer: a request that left late (new connection, busy loop) must not shorten the gap arXiv sees.
        lastStartAt = now();
      } catch (error) {
        attemptSignal.clear();
        if (init.signal?.aborted) throw init.signal.reason;
        const failure = attemptSignal.timedOut()
          ? new ArxivRequestError(url, 'timeout', `arXiv did not answer ${url} within ${timeoutMs} ms (${attempts})`, { cause: error })
          : new ArxivRequestError(url, 'network', `could not reach arXiv at ${url} (${attempts}): ${describeNetworkError(error)}`, { cause: error });
        if (attempt >= maxRetries) throw failure;
        await sleep(backoffMs * 2 ** attempt, init.signal);
        continue;
      }

      const status = data.statusCode;
      if (status === FORBIDDEN) {
        attemptSignal.clear();
        await dump(data.body);
        throw new ArxivForbiddenError(url);
      }
      if (status === OK && init.expectFeed && /text\/html/i.test(headerValue(data.headers['content-type']) ?? '')) {
        const page = previewBody(await readLimited(data.body, PAGE_PREVIEW_BYTES));
        attemptSignal.clear();
        if (attempt >= maxRetries) {
          throw new ArxivRequestError(url, 'status', `arXiv answered ${url} with an HTML page instead of a feed (${attempts}): "${page}"; it is likely a rate-limit or captcha page: try again later`, { status });
        }
        await sleep(backoffMs * 2 ** attempt, init.signal);
        continue;
      }
      if (status === TOO_MANY_REQUESTS || status === NOT_ACCEPTABLE || status >= 500) {
        await dump(data.body);
        attemptSignal.clear();
        let wait = backoffMs * 2 ** attempt;
        if (status === TOO_MANY_REQUESTS || status === SERVICE_UNAVAILABLE) {
          const header = headerValue(data.headers['retry-after']);
          const retryAfterMs = parseRetryAfter(header, now());
          if (retryAfterMs !== null) pause = { startedAt: now(), until: now() + retryAfterMs, url };
          if (retryAfterMs !== null && retryAfterMs > maxRetryAfterMs) {
            throw new ArxivRequestError(
              url,
              'retry-after-too-long',
              `arXiv answered HTTP ${status} for ${url} and asked us to wait ${formatDuration(retryAfterMs, { style: 'spaced' })} ` +
                `(Retry-After: ${header}), longer than the ${formatDuration(maxRetryAfterMs, { style: 'spaced' })} we accept ` +
                `(${ENV_NAMES.maxRetryAfterMs}); try again later`,
              { status },
            );
          }
          if (retryAfterMs !== null) wait = retryAfterMs;
        }
        if (attempt >= maxRetries) {
          throw new ArxivRequestError(url, 'status', `arXiv answered HTTP ${status} for ${url} (${attempts}); try again later`, {
            status,
          });
        }
        await sleep(wait, init.signal);
        continue;
      }
      return holdResponse(url, data, attemptSignal, timeoutMs, init.signal);
    }
  }

  return {
    fetch(url, init = {}) {
      if (closed) return Promise.reject(closedError(url));
      // closing the queue aborts waits, requests and unread bodies alike
      const signal = init.signal ? AbortSignal.any([init.signal, closing.signal]) : closing.signal;
      return new Promise<ArxivResponse>((resolve, reject) => {
        queue
          .add(async () => {
            if (closed) throw closedError(url);
            const held = await send(url, { ...init, signal });
            resolve(held.response);
            // the next request waits until this body is read, discarded or timed out
            await held.released;
          })
          .catch(reject);
      });
    },
    async close() {
      closed = true;
      closing.abort(new Error('the arXiv queue was closed'));
      await queue.onIdle();
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}

// --- internal ---

function closedError(url: string): Error {
  return new Error(`the arXiv queue is closed; cannot fetch ${url}`);
}

type HeldResponse = { response: ArxivResponse; released: Promise<void> };

type AttemptSignal = { signal: AbortSignal; timedOut(): boolean; clear(): void };

function createAttemptSignal(timeoutMs: number, userSignal: AbortSignal | undefined): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  const forwardAbort = () => controller.abort(userSignal?.reason);
  userSignal?.addEventListener('abort', forwardAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    clear() {
      clearTimeout(timer);
      userSignal?.removeEventListener('abort', forwardAbort);
    },
  };
}

function holdResponse(
  url: string,
  data: Dispatcher.ResponseData,
  attemptSignal: AttemptSignal,
  timeoutMs: number,
  userSignal: AbortSignal | undefined,
): HeldResponse {
  const body = data.body;
  const released = new Promise<void>((resolve) => {
    const release = () => {
      attemptSignal.clear();
      resolve();
    };
    if (body.destroyed) release();
    else body.once('close', release);
  });
  const headers = Object.fromEntries(
    Object.entries(data.headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name.toLowerCase(), headerValue(value) ?? '']],
    ),
  );
  const declaredLength = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);

  async function readBytes({ maxBytes }: { maxBytes?: number } = {}): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    let received = 0;
    try {
      for await (const chunk of body) {
        received += (chunk as Buffer).length;
        if (maxBytes !== undefined && received > maxBytes) {
          throw new ArxivRequestError(url, 'too-large', `the response from ${url} is larger than ${maxBytes} bytes`, {
            status: data.statusCode,
            receivedBytes: received,
          });
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      body.destroy();
      if (error instanceof ArxivRequestError) throw error;
      if (userSignal?.aborted) throw userSignal.reason;
      if (attemptSignal.timedOut()) {
        throw new ArxivRequestError(url, 'timeout', `reading ${url} took longer than ${timeoutMs} ms (got ${received} bytes)`, {
          cause: error,
          status: data.statusCode,
          receivedBytes: received,
        });
      }
      throw readFailure(url, received, declaredLength, data.statusCode, error);
    }
    if (declaredLength !== undefined && received < declaredLength) {
      throw readFailure(url, received, declaredLength, data.statusCode, undefined);
    }
    return Buffer.concat(chunks);
  }

  const response: ArxivResponse = {
    url,
    status: data.statusCode,
    headers,
    body,
    readBytes,
    async text() {
      return new TextDecoder().decode(await readBytes());
    },
    async discard() {
      await dump(body);
    },
  };
  return { response, released };
}

function readFailure(
  url: string,
  received: number,
  declaredLength: number | undefined,
  status: number,
  cause: unknown,
): ArxivRequestError {
  if (declaredLength !== undefined && received < declaredLength) {
    return new ArxivRequestError(
      url,
      'truncated',
      `truncated download from ${url}: got ${received} of ${declaredLength} bytes before the connection closed`,
      { cause, status, receivedBytes: received },
    );
  }
  // The answer had begun: the server was reached, the transfer was cut (a streamed body has no length to compare).
  if (received > 0) {
    return new ArxivRequestError(url, 'truncated', `truncated download from ${url}: the connection closed after ${received} bytes`, {
      cause,
      status,
      receivedBytes: received,
    });
  }
  return new ArxivRequestError(url, 'network', `the connection broke while reading ${url}: ${describeNetworkError(cause)}`, {
    cause,
    status,
    receivedBytes: received,
  });
}

async function dump(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump();
  } catch {
    // the body is thrown away; a broken one changes nothing
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}



// The first bytes of a body, the rest thrown away: an error page is shown, never stored whole.
async function readLimited(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= maxBytes) break;
    }
  } catch {
    // what arrived is enough for a preview
  }
  await dump(body);
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}
