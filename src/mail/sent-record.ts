import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { domainToASCII } from 'node:url';
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
  /** Refused for now (a 4xx answer such as greylisting's 450): still pending, sent to by the next `send`. */
  deferred: z.array(z.string()).optional(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** Why the attempt failed, in one line (never a password). */
  error: z.string().optional(),
});
export type SendAttempt = z.infer<typeof SendAttemptSchema>;

/** What is sent of a day: its edition, or (SUMMARIZE_NOTIFY_EMPTY) the note that it has none; each has its own record. */
export type MailingKind = 'edition' | 'note';

/**
 * `mail/<date>.sent.json` (addresses: kept out of the published folders): every attempt to send that day's edition, oldest first.
 * `mail/<date>.note.sent.json` (`kind: 'note'`): the same for the note of a day without one, so a later edition still goes out.
 */
export const SentRecordSchema = z.object({
  schemaVersion: z.literal(1),
  date: z.string(),
  kind: z.literal('note').optional(),
  attempts: z.array(SendAttemptSchema),
});
export type SentRecord = z.infer<typeof SentRecordSchema>;

export function getSentRecordPath(outputDir: string, date: string, kind: MailingKind = 'edition'): string {
  return join(outputDir, 'mail', `${date}${kind === 'note' ? '.note' : ''}.sent.json`);
}

/** The record of the day, or an empty one when nothing was ever sent; a damaged record stops the send rather than risk a double. */
export async function readSentRecord(outputDir: string, date: string, kind: MailingKind = 'edition'): Promise<SentRecord> {
  const path = getSentRecordPath(outputDir, date, kind);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { schemaVersion: 1, date, ...(kind === 'note' ? { kind } : {}), attempts: [] };
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
  await writeFileAtomic(getSentRecordPath(outputDir, record.date, record.kind), `${JSON.stringify(updated, null, 2)}\n`);
  return updated;
}

/** What earlier attempts of the day say about these recipients: decides who may still be sent the edition. */
export interface RecipientHistory {
  /** Already answered by the server (accepted or rejected) in a finished attempt: sent to again only with --resend. */
  settled: string[];
  /** Not yet sent the edition. */
  pending: string[];
  /** The newest attempt that may have reached some of these recipients without a record of it (a crash, a broken connection). */
  uncertain?: SendAttempt;
  /** The newest finished attempt that reached some of them, for the "already sent" message. */
  lastSent?: SendAttempt;
}

/** Per mailbox, so a list that grows gets the edition only for its new readers and nobody gets it twice. */
export function readRecipientHistory(record: SentRecord, recipients: readonly string[]): RecipientHistory {
  const wanted = new Set(recipients.map(toMailbox));
  const answered = new Set<string>();
  const unsure = new Map<string, SendAttempt>();
  let lastSent: SendAttempt | undefined;
  for (const attempt of record.attempts) {
    if (!attempt.recipients.some((recipient) => wanted.has(toMailbox(recipient)))) continue;
    if (attempt.status === 'sent' || attempt.status === 'partial') {
      for (const address of [...attempt.accepted, ...attempt.rejected]) answered.add(toMailbox(address));
      lastSent = attempt;
    }
    if (attempt.status === 'sending' || attempt.status === 'unknown') for (const recipient of attempt.recipients) unsure.set(toMailbox(recipient), attempt);
  }
  // A mailbox the server answered for in any finished attempt is settled, whatever broke off before or after.
  const uncertain = [...wanted].flatMap((mailbox) => (answered.has(mailbox) ? [] : (unsure.get(mailbox) ?? []))).at(-1);
  const settled = recipients.filter((recipient) => answered.has(toMailbox(recipient)));
  const pending = recipients.filter((recipient) => !answered.has(toMailbox(recipient)));
  return { settled, pending, ...(uncertain ? { uncertain } : {}), ...(lastSent ? { lastSent } : {}) };
}

/** One address once, whatever its display name or case: `Ada <Ada@Example.org>` and `ada@example.org` are one mailbox. */
export function dedupeRecipients(recipients: readonly string[]): string[] {
  const seen = new Set<string>();
  return recipients.filter((recipient) => {
    const mailbox = toMailbox(recipient);
    if (seen.has(mailbox)) return false;
    seen.add(mailbox);
    return true;
  });
}

// `"Ada" <ada@example.com>` and `ada@example.com` are the same mailbox; so are a Unicode domain and its punycode,
// which is what the SMTP envelope (and so the server's answer) carries.
export function toMailbox(recipient: string): string {
  const address = (/<([^>]+)>\s*$/.exec(recipient)?.[1] ?? recipient).trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  return `${address.slice(0, at)}@${domainToASCII(address.slice(at + 1)) || address.slice(at + 1)}`;
}
