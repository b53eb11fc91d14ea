import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BriefError } from '../errors/brief-error.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';

/**
 * One attempt to send a day's edition. `sending` is written before the SMTP conversation and replaced
 * once it ends: a `sending` left behind means a crash in between, when the message may have gone out.
 * `unknown`: the conversation broke off where the server may already have taken the message.
 */
export const SendAttemptSchema = z.object({
  status: z.enum(['sending', 'sent', 'partial', 'failed', 'unknown']),
  messageId: z.string(),
  subject: z.string(),
  from: z.string(),
  recipients: z.array(z.string()),
  accepted: z.array(z.string()),
  rejected: z.array(z.string()),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** Why the attempt failed, in one line (never a password). */
  error: z.string().optional(),
});
export type SendAttempt = z.infer<typeof SendAttemptSchema>;

/** `digests/<date>.sent.json`: every attempt to send that day's edition, oldest first. */
export const SentRecordSchema = z.object({
  schemaVersion: z.literal(1),
  date: z.string(),
  attempts: z.array(SendAttemptSchema),
});
export type SentRecord = z.infer<typeof SentRecordSchema>;

export function getSentRecordPath(outputDir: string, date: string): string {
  return join(outputDir, 'digests', `${date}.sent.json`);
}

/** The record of the day, or an empty one when nothing was ever sent; a damaged record stops the send rather than risk a double. */
export async function readSentRecord(outputDir: string, date: string): Promise<SentRecord> {
  const path = getSentRecordPath(outputDir, date);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { schemaVersion: 1, date, attempts: [] };
  }
  try {
    return SentRecordSchema.parse(JSON.parse(text));
  } catch {
    throw new BriefError(`${path} is not a send record written by summarize; check whether the edition went out, then move the file away`);
  }
}

/** Adds the attempt, or replaces the one with the same `startedAt` and message ID (its intent), atomically. */
export async function recordSendAttempt(outputDir: string, record: SentRecord, attempt: SendAttempt): Promise<SentRecord> {
  const others = record.attempts.filter((entry) => !(entry.startedAt === attempt.startedAt && entry.messageId === attempt.messageId));
  const updated: SentRecord = { ...record, attempts: [...others, attempt] };
  await writeFileAtomic(getSentRecordPath(outputDir, record.date), `${JSON.stringify(updated, null, 2)}\n`);
  return updated;
}

/** The newest attempt addressed to exactly these recipients, if any: what "already sent" is judged by. */
export function findAttemptFor(record: SentRecord, recipients: readonly string[]): SendAttempt | undefined {
  const wanted = normalizeRecipients(recipients);
  return record.attempts.findLast((attempt) => normalizeRecipients(attempt.recipients) === wanted);
}

// --- internal ---

function normalizeRecipients(recipients: readonly string[]): string {
  // `"Ada" <ada@example.com>` and `ada@example.com` are the same mailbox.
  const addresses = recipients.map((recipient) => (/<([^>]+)>\s*$/.exec(recipient)?.[1] ?? recipient).trim().toLowerCase());
  return [...new Set(addresses)].sort().join(',');
}
