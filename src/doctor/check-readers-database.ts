import { ENV_NAMES, type Config } from '../config/config-schema.js';
import { BriefError, ConfigError } from '../errors/brief-error.js';
import { describeDatabaseFailure } from '../readers/describe-database-failure.js';
import { getDataDir, getReadersDatabasePath } from '../readers/get-readers-database-path.js';
import { openReadersDatabase } from '../readers/open-readers-database.js';
import { readVersion } from '../readers/migrate-readers-database.js';
import { READERS_MIGRATIONS } from '../readers/readers-migrations.js';
import { checkFolderWritable } from './check-folder-writable.js';
import type { CheckResult } from './check-result.js';

/**
 * The readers database as `send` and `serve` will use it: it opens, its schema is brought up to date, and a write
 * goes through (rolled back). Without one yet, its data folder must be creatable, outside the output folder.
 */
export async function checkReadersDatabase(config: Config): Promise<CheckResult> {
  const id = 'readers-db';
  const title = 'readers database';
  let path: string;
  try {
    path = getReadersDatabasePath(config);
  } catch (error) {
    return { id, title, status: 'failed', message: error instanceof ConfigError ? error.problems.join('; ') : String((error as Error).message ?? error), fix: `set ${ENV_NAMES.dataDir} to a folder outside the output folder` };
  }
  try {
    const connection = openReadersDatabase(path);
    if (connection === undefined) {
      const folder = await checkFolderWritable({ id, title, path: getDataDir(config), setting: ENV_NAMES.dataDir });
      return folder.status === 'ok' ? { id, title, status: 'ok', message: `no readers database yet: ${path} is made by \`summarize readers add\`, \`import\` or \`serve\`` } : folder;
    }
    try {
      const counts = connection.prepare('SELECT state, count(*) AS count FROM readers GROUP BY state ORDER BY state').all() as Array<{ state: string; count: number }>;
      // A write the database must accept, undone: a read-only file or folder fails here rather than at the next send.
      connection.exec('BEGIN IMMEDIATE');
      connection.prepare("INSERT INTO readers (address, state, created_at, updated_at) VALUES ('doctor-probe@invalid', 'pending', '', '')").run();
      connection.exec('ROLLBACK');
      const readers = counts.map(({ state, count }) => `${count} ${state}`).join(', ') || 'no readers';
      return { id, title, status: 'ok', message: `${path} opens and is writable (schema ${readVersion(connection)} of ${READERS_MIGRATIONS.length}): ${readers}` };
    } finally {
      if (connection.inTransaction) connection.exec('ROLLBACK');
      connection.close();
    }
  } catch (caught) {
    // A refused probe (read-only file, another process's lock) says what it means and what to do, not SQLite's words.
    const error = describeDatabaseFailure(caught, path);
    const message = error instanceof BriefError ? error.message : `the readers database ${path} failed: ${String((error as Error).message ?? error)}`;
    return { id, title, status: 'failed', message, fix: `check ${path} and its folder's permissions, or set ${ENV_NAMES.dataDir}` };
  }
}
