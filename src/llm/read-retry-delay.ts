import { parseRetryAfter } from '../http/parse-retry-after.js';

/**
 * How long the LLM server asked us to wait, in ms: OpenAI's `retry-after-ms`, else the standard
 * `retry-after`; undefined when it did not ask or the value is unreadable.
 */
export function readRetryDelay(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  const milliseconds = headers?.get('retry-after-ms')?.trim();
  if (milliseconds && Number.isFinite(Number(milliseconds)) && Number(milliseconds) >= 0) return Number(milliseconds);
  return parseRetryAfter(headers?.get('retry-after'), now) ?? undefined;
}
