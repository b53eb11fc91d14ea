import { setTimeout as sleepFor } from 'node:timers/promises';
import type { APIError } from 'openai';
import { findNetworkErrorCode } from '../http/describe-network-error.js';
import { describeLlmFailure } from './describe-llm-failure.js';
import type { EndpointBreaker } from './endpoint-breaker.js';
import { LlmError } from './llm-error.js';
import { loadOpenAi } from './load-openai.js';
import { readRetryDelay } from './read-retry-delay.js';
import type { UsageMeter } from './usage-meter.js';
import { formatDuration } from '../format/format-duration.js';

const RETRYABLE_STATUSES = new Set([
  408, // Request Timeout
  409, // Conflict: OpenAI uses it for transient lock contention
  429, // Too Many Requests
  500, // Internal Server Error
  502, // Bad Gateway
  503, // Service Unavailable
  504, // Gateway Timeout
]);

export interface LlmRetryOptions {
  /** Retries after the first request; default 4. */
  maxRetries?: number;
  /** Longest Retry-After we wait for; a longer one fails at once. Default 60 000. */
  maxRetryAfterMs?: number;
  /** First backoff delay when the server gives no Retry-After, doubled each retry; default 1000. */
  initialDelayMs?: number;
  /** Cap of the backoff delay; default 30 000. */
  maxDelayMs?: number;
  /** Default: a real timer that stops early when `signal` aborts. */
  sleep?: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
  /** Default: Math.random, for the jitter. */
  random?: () => number;
  /** Default: Date.now, to read Retry-After given as an HTTP date. */
  now?: () => number;
  signal?: AbortSignal;
  /** Told before each wait, e.g. to log "retrying in 2 s". */
  onRetry?: (event: { request: number; delayMs: number; reason: string }) => void;
  /** Counts every request sent and every one the server refused; the caller records the answered ones. */
  meter?: UsageMeter;
  /** Shared by the run's papers: once the endpoint failed too often in a row, no request is sent or retried. */
  breaker?: EndpointBreaker;
  /** Who answered, in messages; default `the LLM server` (the speech endpoint names itself). */
  serverName?: string;
  /** One line for a failed request; default describeLlmFailure. */
  describeFailure?: (error: unknown) => string;
}

/**
 * Runs `call` and retries it on rate limits, server errors, timeouts and lost connections, with
 * exponential backoff and jitter, waiting what the server asks unless that is over `maxRetryAfterMs`.
 * Any failure comes out as an LlmError whose message names the fix.
 */
export async function withLlmRetries<T>(
  call: (request: number) => Promise<T>,
  options: LlmRetryOptions = {},
): Promise<T> {
  const {
    maxRetries = 4,
    maxRetryAfterMs = 60_000,
    initialDelayMs = 1000,
    maxDelayMs = 30_000,
    sleep = sleepWithSignal,
    random = Math.random,
    now = Date.now,
    signal,
    onRetry,
    meter,
    breaker,
    serverName = 'the LLM server',
    describeFailure = describeLlmFailure,
  } = options;
  for (let request = 1; ; request += 1) {
    if (breaker?.openReason) throw new LlmError(`${breaker.openReason}; no more requests are sent this run`, { requests: request - 1, endpointDown: true });
    meter?.requestSent();
    let result: T;
    try {
      result = await call(request);
    } catch (error) {
      if (!(error instanceof loadOpenAi().APIError)) throw error;
      // A status means the server answered and billed nothing, and so does a connection never made;
      // a timeout or a connection lost mid-request may have been billed.
      if (error.status !== undefined || neverReachedServer(error)) meter?.requestRefused();
      const evidence = readEvidence(error, request);
      if (isEndpointFailure(error)) breaker?.recordFailure(describeFailure(error));
      if (!isRetryable(error)) throw new LlmError(describeFailure(error), evidence);
      if (breaker?.openReason) throw new LlmError(`${describeFailure(error)}; ${breaker.openReason}`, { ...evidence, endpointDown: true });
      if (request > maxRetries) {
        throw new LlmError(`${describeFailure(error)} (gave up after ${request} requests)`, evidence);
      }
      const askedMs = readRetryDelay(error.headers, now());
      if (askedMs !== undefined && askedMs > maxRetryAfterMs) {
        throw new LlmError(
          `${serverName} asked to wait ${formatDuration(askedMs, { style: 'spaced' })} (Retry-After); giving up: limit is ` +
            `${formatDuration(maxRetryAfterMs, { style: 'spaced' })}, raise SUMMARIZE_MAX_RETRY_AFTER_MS to wait longer ` +
            `(${describeFailure(error)})`,
          evidence,
        );
      }
      const delayMs = askedMs ?? computeBackoff(request, initialDelayMs, maxDelayMs, random);
      onRetry?.({ request, delayMs, reason: describeFailure(error) });
      await sleep(delayMs, signal);
      if (signal?.aborted) throw new LlmError(describeFailure(new (loadOpenAi().APIUserAbortError)()), { ...evidence, cause: signal.reason });
      continue;
    }
    breaker?.recordSuccess();
    return result;
  }
}

// --- internal ---

function isRetryable(error: APIError): boolean {
  const { APIConnectionError, APIUserAbortError } = loadOpenAi();
  if (error instanceof APIUserAbortError) return false;
  if (error instanceof APIConnectionError) return true; // includes APIConnectionTimeoutError
  // OpenAI's own hint overrides the status when present.
  const shouldRetry = error.headers?.get('x-should-retry');
  if (shouldRetry === 'true') return true;
  if (shouldRetry === 'false') return false;
  return error.status !== undefined && RETRYABLE_STATUSES.has(error.status);
}

// Refused or unresolvable: the request never reached a server that could bill it.
function neverReachedServer(error: APIError): boolean {
  const code = findNetworkErrorCode(error);
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}

// The endpoint itself is down or overloaded, not our request: timeouts, lost connections, 5xx.
function isEndpointFailure(error: APIError): boolean {
  const { APIConnectionError, APIUserAbortError } = loadOpenAi();
  if (error instanceof APIUserAbortError) return false;
  if (error instanceof APIConnectionError) return true;
  return error.status !== undefined && error.status >= 500;
}

function computeBackoff(request: number, initialDelayMs: number, maxDelayMs: number, random: () => number): number {
  const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** (request - 1));
  // Jitter keeps parallel papers that failed together from retrying together.
  return Math.round(delay * (0.75 + 0.5 * random()));
}

function readEvidence(error: APIError, request: number) {
  return {
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.requestID ? { requestId: error.requestID } : {}),
    requests: request,
    // A 401's server text may hold the key, so its cause stays behind.
    ...(error.status === 401 ? {} : { cause: error }),
  };
}


async function sleepWithSignal(milliseconds: number, signal?: AbortSignal): Promise<void> {
  try {
    await sleepFor(milliseconds, undefined, signal ? { signal } : undefined);
  } catch (error) {
    if (!signal?.aborted) throw error;
  }
}
