import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BriefError } from '../errors/brief-error.js';
import type { MailingKind } from '../mail/sent-record.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';

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
const ChannelRecordSchema = z.object({ schemaVersion: z.literal(1), date: z.string(), kind: z.literal('note').optional(), attempts: z.array(ChannelAttemptSchema) });
export type ChannelRecord = z.infer<typeof ChannelRecordSchema>;

export function getChannelRecordPath(outputDir: string, date: string, kind: MailingKind = 'edition'): string {
  return join(outputDir, 'mail', `${date}${kind === 'note' ? '.note' : ''}.channels.json`);
}

/** The day's record, or an empty one; a damaged record stops the posts rather than risk a double. */
export async function readChannelRecord(outputDir: string, date: string, kind: MailingKind = 'edition'): Promise<ChannelRecord> {
  const path = getChannelRecordPath(outputDir, date, kind);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { schemaVersion: 1, date, ...(kind === 'note' ? { kind } : {}), attempts: [] };
  }
  try {
    return ChannelRecordSchema.parse(JSON.parse(text));
  } catch {
    throw new BriefError(`${path} is not a channel record written by summarize; check whether the edition was posted, then move the file away`);
  }
}

/** Adds the attempt, or replaces the one of the same channel and start (its intent), atomically. */
export async function recordChannelAttempt(outputDir: string, record: ChannelRecord, attempt: ChannelAttempt): Promise<ChannelRecord> {
  const others = record.attempts.filter((entry) => !(entry.channel === attempt.channel && entry.startedAt === attempt.startedAt));
  const updated: ChannelRecord = { ...record, attempts: [...others, attempt] };
  await writeFileAtomic(getChannelRecordPath(outputDir, record.date, record.kind), `${JSON.stringify(updated, null, 2)}\n`);
  return updated;
}

/** The newest attempt for this channel that posted, or may have posted, anything: it stops a repeat without --resend. */
export function findEarlierPost(record: ChannelRecord, label: string): ChannelAttempt | undefined {
  return record.attempts.filter((attempt) => attempt.channel === label && attempt.status !== 'failed').at(-1);
}
