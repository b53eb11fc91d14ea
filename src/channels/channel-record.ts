import { z } from 'zod';
import { type AttemptLog, createAttemptLogStore } from '../output/attempt-log.js';

/**
 * One attempt to post an edition to one channel, named by its label (service and URL hash, never the URL).
 * `sending` is written before the first post: left behind, it means a crash when messages may have gone out.
 * `partial`: some of the edition's messages were posted before a failure.
 */
const ChannelAttemptSchema = z.object({
  channel: z.string(),
  status: z.enum(['sending', 'sent', 'partial', 'failed']),
  messages: z.number().int().nonnegative(),
  posted: z.number().int().nonnegative(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  error: z.string().optional(),
});
export type ChannelAttempt = z.infer<typeof ChannelAttemptSchema>;

/**
 * `mail/<date>.channels.json`, beside the mail record and like it kept out of the published folders: every post of that edition to a channel.
 * `mail/<date>.note.channels.json` (`kind: 'note'`): the posts of the note of a day without an edition.
 */
const channelRecords = createAttemptLogStore({
  attempt: ChannelAttemptSchema,
  suffix: 'channels',
  name: 'a channel record',
  isSameAttempt: (left, right) => left.channel === right.channel && left.startedAt === right.startedAt,
});
export type ChannelRecord = AttemptLog<ChannelAttempt>;

export const readChannelRecord = channelRecords.read;
export const recordChannelAttempt = channelRecords.record;

/** The newest attempt for this channel that posted, or may have posted, anything: it stops a repeat without --resend. */
export function findEarlierPost(record: ChannelRecord, label: string): ChannelAttempt | undefined {
  return record.attempts.filter((attempt) => attempt.channel === label && attempt.status !== 'failed').at(-1);
}
