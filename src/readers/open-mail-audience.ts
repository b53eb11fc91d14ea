import type { Config } from '../config/config-schema.js';
import { createFileReaderSendStore } from '../reader-sends/create-file-reader-send-store.js';
import type { ReaderSendStore } from '../reader-sends/reader-send-store.js';
import { toMailbox } from '../reader-sends/to-mailbox.js';
import type { MailingKind } from '../output/attempt-log.js';
import { createDatabaseReaderSendStore } from './create-database-reader-send-store.js';
import { formatReaderRecipient } from './format-reader-recipient.js';
import { getReadersDatabasePath } from './get-readers-database-path.js';
import { openReadersDatabase } from './open-readers-database.js';
import { createReadersStore } from './readers-store.js';

/** Who a mailing goes to and where each reader's outcome is kept. */
export interface MailAudience {
  /** `list`: `--to` or SUMMARIZE_MAIL_TO, recorded in `mail/`; `database`: the database's active readers, recorded there. */
  source: 'list' | 'database';
  recipients: string[];
  /** Addresses of the list left out because the database says they unsubscribed or bounced. */
  leftOut: number;
  store: ReaderSendStore;
  /** The database's file, when there is one. */
  databasePath: string;
  close(): void;
}

/**
 * The readers of a mailing: `--to`, else SUMMARIZE_MAIL_TO (a fixed list, recorded in `mail/` as without a database),
 * else the database's active readers. Whatever the list, an address the database has as unsubscribed or bounced is
 * left out: an unsubscribe through `summarize serve` holds for list readers too.
 */
export function openMailAudience(config: Config, mailing: { key: string; kind: MailingKind; to?: readonly string[] | undefined }): MailAudience {
  const databasePath = getReadersDatabasePath(config);
  const connection = openReadersDatabase(databasePath);
  const readers = connection && createReadersStore(connection);
  const close = () => connection?.close();
  const list = mailing.to ?? config.mailTo;
  if (list !== undefined || readers === undefined) {
    const stopped = new Set((readers?.list() ?? []).filter((reader) => reader.state === 'unsubscribed' || reader.state === 'bounced').map((reader) => reader.address));
    close();
    const recipients = (list ?? []).filter((recipient) => !stopped.has(toMailbox(recipient)));
    return { source: 'list', recipients, leftOut: (list ?? []).length - recipients.length, store: createFileReaderSendStore(config.outputDir, mailing.key, mailing.kind), databasePath, close: () => undefined };
  }
  return {
    source: 'database',
    recipients: readers.listActive().map(formatReaderRecipient),
    leftOut: 0,
    store: createDatabaseReaderSendStore(connection!, mailing.key, mailing.kind, { bounceLimit: config.bounceLimit }),
    databasePath,
    close,
  };
}

