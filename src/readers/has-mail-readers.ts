import type { Config } from '../config/config-schema.js';
import { getReadersDatabasePath } from './get-readers-database-path.js';
import { openReadersDatabase } from './open-readers-database.js';
import { createReadersStore } from './readers-store.js';

/** Whether mail has readers to go to without `--to`: SUMMARIZE_MAIL_TO, or a readers database with anyone in it. */
export function hasMailReaders(config: Config): boolean {
  if (config.mailTo !== undefined) return true;
  const connection = openReadersDatabase(getReadersDatabasePath(config));
  if (connection === undefined) return false;
  try {
    return createReadersStore(connection).count() > 0;
  } finally {
    connection.close();
  }
}
