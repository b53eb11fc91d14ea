import { z } from 'zod';

/**
 * What became of one reader's copy of a mailing:
 * - `accepted`: the server took it (250 after DATA).
 * - `rejected`: the server refused this reader for good (5xx on RCPT TO, e.g. 550 no such mailbox).
 * - `deferred`: the server said "later" (4xx, e.g. greylisting's 450): the next send tries again.
 * - `uncertain`: the message was in flight when the send stopped (a crash, a connection lost after the
 *   message was handed over): it may or may not have arrived. Written before each message goes out.
 * - `failed`: tried, and surely not handed over (connection refused or closed before DATA, login refused,
 *   the message refused): the next send tries again, as for a reader never tried.
 */
export const READER_OUTCOMES = ['accepted', 'rejected', 'deferred', 'uncertain', 'failed'] as const;
export type ReaderOutcome = (typeof READER_OUTCOMES)[number];

export const ReaderSendStateSchema = z.object({
  /** The mailbox as the envelope carries it (`toMailbox`): one entry per mailbox. */
  mailbox: z.string(),
  /** `toReaderId(mailbox)`: how output names the reader. */
  readerId: z.string(),
  outcome: z.enum(READER_OUTCOMES),
  /** The Message-ID of the copy this outcome is about. */
  messageId: z.string(),
  subject: z.string(),
  /** When the outcome was recorded (ISO 8601). */
  at: z.string(),
  /** Copies the server has accepted for this reader so far: the next copy's Message-ID differs from theirs. */
  acceptedCopies: z.number().int().min(0),
  /** Why, in one line, with no address and no password: the server's answer or the broken connection. */
  reason: z.string().optional(),
});
export type ReaderSendState = z.infer<typeof ReaderSendStateSchema>;
