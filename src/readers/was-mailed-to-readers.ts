import { existsSync } from 'node:fs';
import type { Config } from '../config/config-schema.js';
import { wasMailed } from '../reader-sends/was-mailed.js';
import { toMailingName } from './create-database-reader-send-store.js';
import { getReadersDatabasePath } from './get-readers-database-path.js';

/** Whether the server accepted the edition (or issue) of `key` for some reader, of a fixed list (`mail/`) or of the database. */
export async function wasMailedToReaders(config: Pick<Config, 'outputDir' | 'dataDir'>, key: string): Promise<boolean> {
  if (await wasMailed(config.outputDir, key)) return true;
  const path = getReadersDatabasePath(config);
  // SQLite loads only where there is a database to read (a rerun of a night with no readers never needs it).
  if (!existsSync(path)) return false;
  const { openReadersDatabase } = await import('./open-readers-database.js');
  const connection = openReadersDatabase(path);
  if (connection === undefined) return false;
  try {
    return connection.prepare("SELECT 1 FROM sends WHERE mailing = ? AND (outcome = 'accepted' OR accepted_copies > 0) LIMIT 1").get(toMailingName(key, 'edition')) !== undefined;
  } finally {
    connection.close();
  }
}
