import { toPublicBaseUrl } from '../output/to-public-base-url.js';
import type { CheckResult } from './check-result.js';
import { describeNetworkError } from '../http/describe-network-error.js';

/**
 * `summarize serve` behind SUMMARIZE_PUBLIC_URL: its `/healthz` answers 200. A failure when readers are kept in a
 * database (their links lead there); a warning otherwise, as the folder may be published by another web server.
 */
export async function checkServerHealth(publicUrl: string, readersExpectServer: boolean, timeoutMs: number, fetch: typeof globalThis.fetch): Promise<CheckResult> {
  const id = 'server-health';
  const title = 'readers server';
  const url = `${toPublicBaseUrl(publicUrl)}/healthz`;
  const fail = (message: string): CheckResult => ({
    id,
    title,
    status: readersExpectServer ? 'failed' : 'warning',
    message,
    fix: readersExpectServer ? 'start `summarize serve` behind your reverse proxy (see docs/operating.md), or fix SUMMARIZE_PUBLIC_URL' : 'start `summarize serve` if readers should subscribe, unsubscribe and vote there; otherwise nothing to do',
  });
  try {
    const answer = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (answer.status !== 200) return fail(`${url} answered ${answer.status}`);
    return { id, title, status: 'ok', message: `${url} answers` };
  } catch (error) {
    return fail(`${url} did not answer: ${describeNetworkError(error)}`);
  }
}
