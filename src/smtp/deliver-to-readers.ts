import type { SmtpServer } from '../config/parse-smtp-url.js';
import { isSurelyUndelivered } from './is-surely-undelivered.js';
import type { ReaderSendState } from '../reader-sends/reader-send-state.js';
import type { ReaderSendStore } from '../reader-sends/reader-send-store.js';
import { sendRawMessage } from './send-raw-message.js';
import { toMailbox } from '../reader-sends/to-mailbox.js';
import { toReaderId } from '../reader-sends/to-reader-id.js';

/** One reader's copy, built as it goes out. */
export interface ReaderCopy {
  raw: Buffer;
  messageId: string;
  subject: string;
  envelope: { from: string; to: string[] };
}

export interface DeliverToReadersInput {
  store: ReaderSendStore;
  /** In the order to mail them, each mailbox once. */
  readers: readonly string[];
  /** Each reader's recorded state before this send, by mailbox (absent: never tried). */
  earlier: ReadonlyMap<string, ReaderSendState>;
  buildCopy: (reader: string, acceptedCopies: number) => Promise<ReaderCopy>;
  server: SmtpServer;
  timeoutMs: number;
  now: () => Date;
  /** One line about a failure, for the record and the output: no password, no reader's address. */
  describeFailure: (error: unknown) => string;
}

/** What one send did: the readers answered, and where it stopped if it stopped early. */
export interface Delivery {
  answered: ReaderSendState[];
  /** The reader whose conversation broke off (`uncertain`: may have the copy; `failed`: surely has not); the round stopped there. */
  stoppedAt?: ReaderSendState;
  /** Readers of the round never tried because it stopped (the next send mails them). */
  notTried: string[];
}

/**
 * Mails the readers one by one. Before each message its reader is recorded `uncertain` (in flight), and after the
 * server's answer their outcome: so a crash at any moment leaves at most that one reader uncertain. A refusal of one
 * reader (4xx, 5xx on RCPT TO) is their answer and the round goes on; any other failure stops the round there.
 */
export async function deliverToReaders(input: DeliverToReadersInput): Promise<Delivery> {
  const { store, now } = input;
  const answered: ReaderSendState[] = [];
  for (const [index, reader] of input.readers.entries()) {
    const mailbox = toMailbox(reader);
    const acceptedCopies = input.earlier.get(mailbox)?.acceptedCopies ?? 0;
    const copy = await input.buildCopy(reader, acceptedCopies);
    const base = { mailbox, readerId: toReaderId(mailbox), messageId: copy.messageId, subject: copy.subject, acceptedCopies };
    await store.record({ ...base, outcome: 'uncertain', at: now().toISOString(), reason: IN_FLIGHT });
    let outcome: Pick<ReaderSendState, 'outcome' | 'acceptedCopies' | 'reason'>;
    try {
      await sendRawMessage(input.server, copy.envelope, copy.raw, input.timeoutMs);
      outcome = { outcome: 'accepted', acceptedCopies: acceptedCopies + 1 };
    } catch (error) {
      const code = recipientRefusalCode(error);
      const reason = input.describeFailure(error);
      outcome = code !== undefined ? { outcome: code >= 500 ? 'rejected' : 'deferred', acceptedCopies, reason } : { outcome: isSurelyUndelivered(error) ? 'failed' : 'uncertain', acceptedCopies, reason };
    }
    const state: ReaderSendState = { ...base, ...outcome, at: now().toISOString() };
    await store.record(state);
    if (state.outcome === 'failed' || state.outcome === 'uncertain') return { answered, stoppedAt: state, notTried: input.readers.slice(index + 1) };
    answered.push(state);
  }
  return { answered, notTried: [] };
}

// --- internal ---

// What the record says of a reader whose message was in flight when the process stopped.
const IN_FLIGHT = 'the send stopped while this message was in flight, before the server answered';

// A recipient's refusal carries the server's code: 5xx is final, 4xx (greylisting's 450) means "later".
function recipientRefusalCode(error: unknown): number | undefined {
  const details = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return details.code === 'EENVELOPE' && typeof details.responseCode === 'number' && details.responseCode >= 400 ? details.responseCode : undefined;
}
