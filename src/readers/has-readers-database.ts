import { existsSync } from 'node:fs';
import type { Config } from '../config/config-schema.js';
import { getReadersDatabasePath } from './get-readers-database-path.js';

/** Whether a readers database exists (readers added, or `serve` run): then readers' links lead to the server. */
export function hasReadersDatabase(config: Config): boolean {
  try {
    return existsSync(getReadersDatabasePath(config));
  } catch {
    return false;
  }
}
