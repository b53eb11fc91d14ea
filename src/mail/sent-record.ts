import { domainToASCII } from 'node:url';
import { z } from 'zod';
import { type AttemptLog, createAttemptLogStore } from '../output/attempt-log.js';

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

export type { MailingKind } from '../output/attempt-log.js';

/**
 * `mail/<date>.sent.json` (addresses: kept out of the published folders): every attempt to send that day's edition, oldest first.
 * `mail/<date>.note.sent.json` (`kind: 'note'`): the same for the note of a day without one, so a later edition still goes out.
 */
const sentRecords = createAttemptLogStore({
  attempt: SendAttemptSchema,
  suffix: 'sent',
  name: 'a send record',
  isSameAttempt: (left, right) => left.startedAt === right.startedAt && left.messageId === right.messageId,
});
export type SentRecord = AttemptLog<SendAttempt>;

export const readSentRecord = sentRecords.read;
export const recordSendAttempt = sentRecords.record;

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
