import type { Database } from 'better-sqlite3';
import { ReadersDatabaseError } from './readers-database-error.js';

/**
 * Brings the database to the last of `migrations` (its version is SQLite's `user_version`), all steps in one
 * transaction taken before reading the version, so two processes opening an old file at once migrate it once.
 */
export function migrateReadersDatabase(connection: Database, migrations: readonly string[], path: string): { from: number; to: number } {
  const migrate = connection.transaction(() => {
    const from = readVersion(connection);
    if (from > migrations.length) {
      throw new ReadersDatabaseError(`the readers database ${path} is at schema version ${from}, made by a newer arxiv-brief (this one knows ${migrations.length}): upgrade arxiv-brief`, false);
    }
    for (let version = from; version < migrations.length; version++) {
      connection.exec(migrations[version]!);
      connection.pragma(`user_version = ${version + 1}`);
    }
    return { from, to: migrations.length };
  });
  return migrate.immediate();
}

/** The schema version of an open database: 0 for a new, empty file. */
export function readVersion(connection: Database): number {
  return connection.pragma('user_version', { simple: true }) as number;
}
