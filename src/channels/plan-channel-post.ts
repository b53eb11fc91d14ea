import type { ResendScope } from '../reader-sends/plan-mail-round.js';
import type { ChannelAttempt, ChannelRecord } from './channel-record.js';

/** What to do for one channel: post the edition's messages from index `from` on, or nothing, because of an earlier attempt. */
export type ChannelPlan = { action: 'post'; from: number } | { action: 'skip'; reason: 'delivered' | 'uncertain'; earlier: ChannelAttempt };

/**
 * Decides from the channel's newest attempt, so no message is shown twice: a delivered edition is not posted again, one
 * that broke off goes on from the first message not surely posted, and a message that may have arrived is repeated only
 * on request (`--resend`). `--resend all` posts everything again.
 */
export function planChannelPost(record: ChannelRecord, label: string, resend: ResendScope | undefined): ChannelPlan {
  if (resend === 'all') return { action: 'post', from: 0 };
  const earlier = record.attempts.filter((attempt) => attempt.channel === label).at(-1);
  if (earlier === undefined) return { action: 'post', from: 0 };
  if (isDelivered(earlier)) return { action: 'skip', reason: 'delivered', earlier };
  if (isUncertain(earlier) && resend === undefined) return { action: 'skip', reason: 'uncertain', earlier };
  return { action: 'post', from: earlier.posted };
}

/** Every message surely posted: `sent`, or a crash after the last message's answer but before the record said so. */
export function isDelivered(attempt: ChannelAttempt): boolean {
  return attempt.status === 'sent' || (attempt.status === 'sending' && attempt.posted >= attempt.messages);
}

/** Message `posted + 1` may be in the channel: no answer came, or the run died while posting it. */
export function isUncertain(attempt: ChannelAttempt): boolean {
  return attempt.status === 'uncertain' || (attempt.status === 'sending' && attempt.posted < attempt.messages);
}
