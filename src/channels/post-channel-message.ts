import { describeNetworkError } from '../http/describe-network-error.js';
import { parseRetryAfter } from '../http/parse-retry-after.js';
import type { Channel } from '../config/parse-channel-url.js';

export interface PostChannelMessageOptions {
  /** Longest wait a 429 may ask for; a longer one fails the post (SUMMARIZE_MAX_RETRY_AFTER_MS). */
  maxRetryAfterMs: number;
  /** Posts per message, the first included. Default: 3. */
  maxAttempts?: number;
  fetch?: typeof globalThis.fetch;
  sleep?: (milliseconds: number) => Promise<void>;
  /** Per request. Default: 30_000. */
  timeoutMs?: number;
}

/** Posts one body to the channel, waiting out a 429 as the service asks; throws an Error whose message never holds the URL. */
export async function postChannelMessage(channel: Channel, body: Record<string, unknown>, options: PostChannelMessageOptions): Promise<void> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)));
  const maxAttempts = options.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetchImpl(channel.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new Error(`${channel.label} could not be reached: ${describeNetworkError(error)}`);
    }
    const text = await response.text();
    if (response.status === 429) {
      const waitMs = readRetryAfterMs(response, text);
      if (attempt >= maxAttempts) throw new Error(`${channel.label} kept answering 429 Too Many Requests after ${maxAttempts} attempts`);
      if (waitMs > options.maxRetryAfterMs) {
        throw new Error(`${channel.label} asked to wait ${Math.ceil(waitMs / 1000)} s (429), longer than SUMMARIZE_MAX_RETRY_AFTER_MS allows (${options.maxRetryAfterMs} ms)`);
      }
      await sleep(waitMs);
      continue;
    }
    // Telegram answers {"ok":false,...} for a refused message; the others answer a non-2xx status.
    if (!response.ok || (channel.service === 'telegram' && !isTelegramOk(text))) {
      throw new Error(`${channel.label} refused the message: HTTP ${response.status} ${describeRefusal(text)}`.trim());
    }
    return;
  }
}

// --- internal ---

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

// The service's own reason (Telegram's `description`, Discord's `message`), short; never the request, which holds the URL.
function describeRefusal(text: string): string {
  const json = parseJson(text) as { description?: unknown; message?: unknown } | undefined;
  const reason = typeof json?.description === 'string' ? json.description : typeof json?.message === 'string' ? json.message : text;
  return reason.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
