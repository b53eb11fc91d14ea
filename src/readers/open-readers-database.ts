import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import DatabaseConstructor, { type Database } from 'better-sqlite3';
import { describeDatabaseFailure } from './describe-database-failure.js';
import { migrateReadersDatabase } from './migrate-readers-database.js';
import { READERS_MIGRATIONS } from './readers-migrations.js';

export interface OpenReadersDatabaseOptions {
  /** Create the file (and its folder) when missing; otherwise a missing file gives undefined. Default: false. */
  create?: boolean;
  /** How long a write waits for another process's lock before failing as busy. Default: 5,000 ms. */
  busyTimeoutMs?: number;
  /** For tests of migrations: the schema steps. Default: READERS_MIGRATIONS. */
  migrations?: readonly string[];
}

/**
 * Opens the readers database as every process must: write-ahead log (the server reads while a send writes), foreign
 * keys enforced (removing a reader removes their sends and votes), each commit synced to disk, schema migrated.
 */
export function openReadersDatabase(path: string, options: OpenReadersDatabaseOptions = {}): Database | undefined {
  const { create = false, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS, migrations = READERS_MIGRATIONS } = options;
  if (!create && !existsSync(path)) return undefined;
  let connection: Database | undefined;
  try {
    if (create) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    connection = new DatabaseConstructor(path, { fileMustExist: !create, timeout: busyTimeoutMs });
    connection.pragma('journal_mode = WAL');
    connection.pragma('foreign_keys = ON');
    // A recorded outcome must survive a power cut, not only a crash: what the next send reads decides who is mailed twice.
    connection.pragma('synchronous = FULL');
    migrateReadersDatabase(connection, migrations, path);
    return connection;
  } catch (error) {
    connection?.close();
    throw describeDatabaseFailure(error, path);
  }
}

// --- internal ---

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
