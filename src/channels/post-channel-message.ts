import { describeNetworkError } from '../http/describe-network-error.js';
import { isSurelyUnsent } from '../http/is-surely-unsent.js';
import { parseRetryAfter } from '../http/parse-retry-after.js';
import type { Channel } from '../config/parse-channel-url.js';
import { readWebhookSecrets } from '../secrets/collect-secrets.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { ChannelPostError } from './channel-post-error.js';
import type { ChannelPacer } from './create-channel-pacer.js';

export interface PostChannelMessageOptions {
  /** Longest wait a 429 may ask for; a longer one fails the post (SUMMARIZE_MAX_RETRY_AFTER_MS). */
  maxRetryAfterMs: number;
  /** Posts per message, the first included. Default: 3. */
  maxAttempts?: number;
  fetch?: typeof globalThis.fetch;
  /** Per request. Default: 30_000. */
  timeoutMs?: number;
}

/**
 * Posts one body to the channel when the pacer allows, waiting out a 429 as the service asks. Throws a
 * ChannelPostError, `uncertain` when the request went out but no answer came; its message never holds the URL.
 */
export async function postChannelMessage(channel: Channel, body: Record<string, unknown>, pacer: ChannelPacer, options: PostChannelMessageOptions): Promise<void> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const maxAttempts = options.maxAttempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 30_000;
  for (let attempt = 1; ; attempt++) {
    await pacer.waitForTurn(channel);
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(channel.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw describeLostPost(channel, error, timeoutMs);
    }
    holdForRateLimit(channel, pacer, response.headers, options.maxRetryAfterMs);
    if (response.status === 429) {
      const waitMs = readRetryAfterMs(response, text);
      if (attempt >= maxAttempts) throw new ChannelPostError(`${channel.label} kept answering 429 Too Many Requests after ${maxAttempts} attempts`, false);
      if (waitMs > options.maxRetryAfterMs) {
        throw new ChannelPostError(`${channel.label} asked to wait ${Math.ceil(waitMs / 1000)} s (429), longer than SUMMARIZE_MAX_RETRY_AFTER_MS allows (${options.maxRetryAfterMs} ms)`, false);
      }
      pacer.holdFor(channel, waitMs);
      continue;
    }
    // Telegram answers {"ok":false,...} for a refused message; the others answer a non-2xx status.
    if (!response.ok || (channel.service === 'telegram' && !isTelegramOk(text))) {
      throw new ChannelPostError(`${channel.label} refused the message: HTTP ${response.status} ${describeRefusal(text, channel)}`.trim(), false);
    }
    return;
  }
}

// --- internal ---

// Refused before it was sent (no connection) is sure; a timeout or a connection closed without an answer may follow a post.
function describeLostPost(channel: Channel, error: unknown, timeoutMs: number): ChannelPostError {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new ChannelPostError(`${channel.label} timed out: no answer within ${timeoutMs / 1000} s`, true, { cause: error });
  }
  const reason = redactSecrets(describeNetworkError(error), readWebhookSecrets(channel.url));
  const uncertain = !isSurelyUnsent(error);
  return new ChannelPostError(`${channel.label} ${uncertain ? 'did not answer' : 'could not be reached'}: ${reason}`, uncertain, { cause: error });
}

// Discord says when a webhook's bucket is empty (X-RateLimit-Remaining 0) and when it refills (X-RateLimit-Reset-After, seconds);
// a longer wait than allowed is cut short, and the 429 that may follow decides.
function holdForRateLimit(channel: Channel, pacer: ChannelPacer, headers: Headers, maxWaitMs: number): void {
  const resetAfter = Number(headers.get('x-ratelimit-reset-after'));
  if (headers.get('x-ratelimit-remaining') === '0' && Number.isFinite(resetAfter) && resetAfter > 0) pacer.holdFor(channel, Math.min(resetAfter * 1000, maxWaitMs));
}

// Discord: JSON `retry_after` in seconds; Telegram: `parameters.retry_after`; Slack (and others): the Retry-After header. Default 1 s.
function readRetryAfterMs(response: Response, text: string): number {
  const json = parseJson(text) as { retry_after?: unknown; parameters?: { retry_after?: unknown } } | undefined;
  const seconds = json?.retry_after ?? json?.parameters?.retry_after;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  return parseRetryAfter(response.headers.get('retry-after'), Date.now()) ?? 1000;
}

function isTelegramOk(text: string): boolean {
  return (parseJson(text) as { ok?: unknown } | undefined)?.ok === true;
}

// The service's own reason (Telegram's `description`, Discord's `message`), short; a body that quotes the webhook's path loses it before it is cut.
function describeRefusal(text: string, channel: Channel): string {
  const json = parseJson(text) as { description?: unknown; message?: unknown } | undefined;
  const reason = typeof json?.description === 'string' ? json.description : typeof json?.message === 'string' ? json.message : text;
  return redactSecrets(reason.replace(/\s+/g, ' ').trim(), readWebhookSecrets(channel.url)).slice(0, 200);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
