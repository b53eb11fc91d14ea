import type { Config } from '../config/config-schema.js';
import { wasMailed } from '../reader-sends/was-mailed.js';
import { toMailingName } from './create-database-reader-send-store.js';
import { getReadersDatabasePath } from './get-readers-database-path.js';
import { openReadersDatabase } from './open-readers-database.js';

/** Whether the server accepted the edition (or issue) of `key` for some reader, of a fixed list (`mail/`) or of the database. */
export async function wasMailedToReaders(config: Pick<Config, 'outputDir' | 'dataDir'>, key: string): Promise<boolean> {
  if (await wasMailed(config.outputDir, key)) return true;
  const connection = openReadersDatabase(getReadersDatabasePath(config));
  if (connection === undefined) return false;
  try {
    return connection.prepare("SELECT 1 FROM sends WHERE mailing = ? AND (outcome = 'accepted' OR accepted_copies > 0) LIMIT 1").get(toMailingName(key, 'edition')) !== undefined;
  } finally {
    connection.close();
  }
}
