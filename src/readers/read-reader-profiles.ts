import type { Config } from '../config/config-schema.js';
import type { ReaderProfile } from '../learn/reader-profile.js';
import { createStoredPaperFinder } from '../output/create-stored-paper-finder.js';
import { buildReaderProfile, hasReaderSignal } from './build-reader-profile.js';
import { createVotedPaperFinder, type EmbeddingLookup } from './create-voted-paper-finder.js';
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
 * With `embeddingOf`, each voted paper carries its cached embedding. A paper several readers voted on is read once and shared.
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
  const findVotedPaper = createVotedPaperFinder(await createStoredPaperFinder(config.outputDir), embeddingOf);
  const entries: ReaderProfileEntry[] = [];
  for (const reader of signals) {
    const profile = await buildReaderProfile(reader, findVotedPaper);
    if (hasReaderSignal(profile)) entries.push({ address: reader.address, profile });
  }
  return entries;
}
