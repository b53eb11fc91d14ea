import { z } from 'zod';
import { type AttemptLog, createAttemptLogStore } from '../output/attempt-log.js';

/**
 * One attempt to post an edition to one channel, named by its label (service and URL hash, never the URL).
 * `posted` counts the edition's messages surely in the channel, from the first: rewritten after each one.
 * `sending` is written before the first post: left behind, it means a crash, with message `posted + 1` maybe posted.
 * `uncertain`: message `posted + 1` went out but no answer came (a timeout, a closed connection).
 * `partial`: the channel refused message `posted + 1` after others were posted; `failed`: it refused the first.
 */
const ChannelAttemptSchema = z.object({
  channel: z.string(),
  status: z.enum(['sending', 'sent', 'uncertain', 'partial', 'failed']),
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
