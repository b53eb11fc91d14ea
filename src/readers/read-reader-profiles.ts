import type { Config } from '../config/config-schema.js';
import type { ReaderProfile } from '../learn/reader-profile.js';
import { createStoredPaperFinder } from '../output/create-stored-paper-finder.js';
import { buildReaderProfile, type EmbeddingLookup, hasReaderSignal } from './build-reader-profile.js';
import { describeDatabaseFailure } from './describe-database-failure.js';
import { getReadersDatabasePath } from './get-readers-database-path.js';
import { openReadersDatabase } from './open-readers-database.js';
import { createReadersStore } from './readers-store.js';

/** An active reader with something their copy can follow. */
export interface ReaderProfileEntry {
  /** The mailbox, as the database keeps it. */
  address: string;
  profile: ReaderProfile;
}

/**
 * The active readers of the database who voted on a stored paper, keep a library or set a rule; none without a database.
 * With `embeddingOf`, each voted paper carries its cached embedding.
 */
export async function readReaderProfiles(config: Config, embeddingOf?: EmbeddingLookup): Promise<ReaderProfileEntry[]> {
  const path = getReadersDatabasePath(config);
  const connection = openReadersDatabase(path);
  if (connection === undefined) return [];
  let signals;
  try {
    signals = createReadersStore(connection).listReaderSignals();
  } catch (error) {
    throw describeDatabaseFailure(error, path);
  } finally {
    connection.close();
  }
  if (signals.length === 0) return [];
  const findPaper = await createStoredPaperFinder(config.outputDir);
  const entries: ReaderProfileEntry[] = [];
  for (const reader of signals) {
    const profile = await buildReaderProfile(reader, findPaper, embeddingOf);
    if (hasReaderSignal(profile)) entries.push({ address: reader.address, profile });
  }
  return entries;
}
