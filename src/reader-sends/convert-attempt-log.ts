import { z } from 'zod';
import type { ReaderSendState } from './reader-send-state.js';
import { toMailbox } from './to-mailbox.js';
import { toReaderId } from './to-reader-id.js';

/**
 * The per-reader states that a record of the older format (one entry per attempt, `schemaVersion: 1`) implies:
 * what the server answered for each address, and `uncertain` for the readers of an attempt that never finished.
 * Undefined when the text is not such a record.
 */
export function convertAttemptLog(json: unknown): ReaderSendState[] | undefined {
  const parsed = AttemptLogSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const states = new Map<string, ReaderSendState>();
  for (const attempt of parsed.data.attempts) {
    const at = attempt.finishedAt ?? attempt.startedAt;
    const set = (address: string, outcome: ReaderSendState['outcome'], reason?: string) => {
      const mailbox = toMailbox(address);
      const acceptedCopies = (states.get(mailbox)?.acceptedCopies ?? 0) + (outcome === 'accepted' ? 1 : 0);
      states.set(mailbox, { mailbox, readerId: toReaderId(mailbox), outcome, messageId: attempt.messageId, subject: attempt.subject, at, acceptedCopies, ...(reason ? { reason } : {}) });
    };
    const answered = new Set([...attempt.accepted, ...attempt.rejected, ...(attempt.deferred ?? [])].map(toMailbox));
    for (const address of attempt.accepted) set(address, 'accepted');
    for (const address of attempt.rejected) set(address, 'rejected');
    for (const address of attempt.deferred ?? []) set(address, 'deferred');
    // An attempt that never finished, or broke off, may have reached each of its readers it has no answer for.
    if (attempt.status === 'sending' || attempt.status === 'unknown') {
      for (const address of attempt.recipients.filter((recipient) => !answered.has(toMailbox(recipient)))) set(address, 'uncertain', attempt.error ?? 'the send stopped before the server answered');
    }
  }
  return [...states.values()];
}

// --- internal ---

const AttemptLogSchema = z.object({
  schemaVersion: z.literal(1),
  attempts: z.array(
    z.object({
      status: z.enum(['sending', 'sent', 'partial', 'failed', 'unknown']),
      messageId: z.string(),
      subject: z.string(),
      recipients: z.array(z.string()),
      accepted: z.array(z.string()),
      rejected: z.array(z.string()),
      deferred: z.array(z.string()).optional(),
      startedAt: z.string(),
      finishedAt: z.string().optional(),
      error: z.string().optional(),
    }),
  ),
});
