import type { Database } from 'better-sqlite3';
import type { MailingKind } from '../output/attempt-log.js';
import type { ReaderOutcome, ReaderSendState } from '../reader-sends/reader-send-state.js';
import type { ReaderSendStore } from '../reader-sends/reader-send-store.js';
import { toMailbox } from '../reader-sends/to-mailbox.js';
import { toReaderId } from '../reader-sends/to-reader-id.js';
import { isHardBounced } from './is-hard-bounced.js';

export interface DatabaseReaderSendStoreOptions {
  /** A reader refused for good this many mailings in a row is marked bounced (SUMMARIZE_BOUNCE_LIMIT). */
  bounceLimit: number;
}

/**
 * The ReaderSendStore of one mailing as rows of the `sends` table: one row per reader and mailing, replaced by each
 * `record`, committed (and synced) before it returns. A reader removed meanwhile is not written back: forgotten
 * stays forgotten. A refusal that makes `bounceLimit` in a row marks the reader bounced in the same transaction.
 */
export function createDatabaseReaderSendStore(connection: Database, key: string, kind: MailingKind, options: DatabaseReaderSendStoreOptions): ReaderSendStore {
  const mailing = toMailingName(key, kind);
  const read = connection.prepare(
    `SELECT readers.address AS mailbox, sends.outcome, sends.message_id AS messageId, sends.subject, sends.at,
            sends.accepted_copies AS acceptedCopies, sends.reason
     FROM sends JOIN readers ON readers.id = sends.reader_id WHERE sends.mailing = ? ORDER BY sends.rowid`,
  );
  const findReader = connection.prepare('SELECT id FROM readers WHERE address = ?');
  const upsert = connection.prepare(
    `INSERT INTO sends (reader_id, mailing, outcome, message_id, subject, at, accepted_copies, reason)
     VALUES (@readerId, @mailing, @outcome, @messageId, @subject, @at, @acceptedCopies, @reason)
     ON CONFLICT (reader_id, mailing) DO UPDATE SET outcome = excluded.outcome, message_id = excluded.message_id,
       subject = excluded.subject, at = excluded.at, accepted_copies = excluded.accepted_copies, reason = excluded.reason`,
  );
  // Newest mailing first: a reader's row of a mailing keeps the rowid of its first attempt.
  const recentOutcomes = connection.prepare('SELECT outcome FROM sends WHERE reader_id = ? ORDER BY rowid DESC LIMIT ?');
  const markBounced = connection.prepare("UPDATE readers SET state = 'bounced', updated_at = ? WHERE id = ? AND state = 'active'");
  const record = connection.transaction((state: ReaderSendState) => {
    const reader = findReader.get(toMailbox(state.mailbox)) as { id: number } | undefined;
    if (reader === undefined) return;
    upsert.run({ ...state, readerId: reader.id, mailing, reason: state.reason ?? null });
    if (state.outcome !== 'rejected') return;
    const outcomes = (recentOutcomes.all(reader.id, options.bounceLimit) as Array<{ outcome: ReaderOutcome }>).map((row) => row.outcome);
    if (isHardBounced(outcomes, options.bounceLimit)) markBounced.run(state.at, reader.id);
  });
  return {
    async read() {
      return (read.all(mailing) as Array<Omit<ReaderSendState, 'readerId'> & { reason: string | null }>).map(({ reason, ...row }) => ({
        ...row,
        readerId: toReaderId(row.mailbox),
        ...(reason === null ? {} : { reason }),
      }));
    },
    async record(state) {
      record.immediate(state);
    },
  };
}

/** The `sends.mailing` of an edition (`2025-09-10`), its empty-day note (`2025-09-10.note`) or an issue (`issue-2025-09`). */
export function toMailingName(key: string, kind: MailingKind): string {
  return kind === 'note' ? `${key}.note` : key;
}
