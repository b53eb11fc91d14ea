import type { Channel } from '../config/parse-channel-url.js';
import { describeNetworkError } from '../http/describe-network-error.js';
import type { CheckResult } from './check-result.js';

/**
 * One chat channel, without posting: Telegram answers `getMe` on the same bot, a Discord webhook answers a GET
 * with its own description; Slack and JSON endpoints have no request that does not post, so their URL's shape
 * (checked when the config was read) is all that is checked.
 */
export async function checkChannel(channel: Channel, timeoutMs: number, fetchImpl: typeof globalThis.fetch = globalThis.fetch): Promise<CheckResult> {
  const base = { id: `channel-${channel.label}`, title: `chat channel ${channel.label}` };
  const probe = channel.service === 'telegram' ? channel.url.replace(/\/sendMessage(\?.*)?$/, '/getMe') : channel.service === 'discord' ? channel.url : undefined;
  if (probe === undefined) return { ...base, status: 'ok', message: `a well-formed ${channel.service} webhook (not posted to: ${channel.service} has no request that does not post)` };
  let response: Response;
  try {
    response = await fetchImpl(probe, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { ...base, status: 'failed', message: `could not be reached: ${describeNetworkError(error)}`, fix: 'check the network, or the webhook in SUMMARIZE_WEBHOOKS' };
  }
  const answer = (await response.json().catch(() => undefined)) as { ok?: unknown } | undefined;
  const ok = response.ok && (channel.service !== 'telegram' || answer?.ok === true);
  if (ok) return { ...base, status: 'ok', message: channel.service === 'telegram' ? 'the bot answers getMe' : 'the webhook exists' };
  return { ...base, status: 'failed', message: `the ${channel.service} webhook was refused (HTTP ${response.status})`, fix: 'the webhook was deleted or its token is wrong: create a new one and update SUMMARIZE_WEBHOOKS' };
}
