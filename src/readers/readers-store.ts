import type { Database } from 'better-sqlite3';
import { toMailbox } from '../reader-sends/to-mailbox.js';
import type { Reader, ReaderState, Vote } from './reader.js';

/** A reader to add: the address as typed (`Ada <ada@example.org>` too), name and language optional. */
export interface NewReader {
  address: string;
  name?: string | undefined;
  language?: string | undefined;
}

export type ReadersStore = ReturnType<typeof createReadersStore>;

/**
 * The readers table and their votes, on an open database. Every change is one statement or one transaction, so a
 * crash leaves each reader as before or as after, never half-changed. Addresses are kept as mailboxes (lower case).
 */
export function createReadersStore(connection: Database, now: () => Date = () => new Date()) {
  const statements = prepareStatements(connection);
  const timestamp = () => now().toISOString();
  return {
    /** Every reader, in the order they were added. */
    list(): Reader[] {
      return (statements.list.all() as ReaderRow[]).map(toReader);
    },
    count(): number {
      return (statements.count.get() as { count: number }).count;
    },
    find(address: string): Reader | undefined {
      const row = statements.find.get(toMailbox(address)) as ReaderRow | undefined;
      return row && toReader(row);
    },
    /** The readers to mail, in the order they were added. */
    listActive(): Reader[] {
      return (statements.listActive.all() as ReaderRow[]).map(toReader);
    },
    /** Adds the reader in `state`; an address already there is left as it is (its state too) and returned with `added: false`. */
    add(reader: NewReader, state: ReaderState, defaultLanguage: string): { reader: Reader; added: boolean } {
      const at = timestamp();
      const mailbox = toMailbox(reader.address);
      const result = statements.insert.run({ address: mailbox, name: reader.name ?? '', language: reader.language ?? defaultLanguage, state, at });
      return { reader: this.find(mailbox)!, added: result.changes === 1 };
    },
    /** Adds many readers in one transaction, all or none, each in their own state or `defaultState`; returns how many were new. */
    addMany(readers: ReadonlyArray<NewReader & { state?: ReaderState | undefined }>, defaultState: ReaderState, defaultLanguage: string): { added: number; existing: number } {
      let added = 0;
      connection.transaction(() => {
        for (const reader of readers) if (this.add(reader, reader.state ?? defaultState, defaultLanguage).added) added++;
      })();
      return { added, existing: readers.length - added };
    },
    /** Deletes the reader with their sends and votes (foreign keys cascade): a reader may ask to be forgotten. */
    remove(address: string): boolean {
      return statements.remove.run(toMailbox(address)).changes === 1;
    },
    /** Sets the state of a reader there; false when there is none. */
    setState(address: string, state: ReaderState): boolean {
      return statements.setState.run({ address: toMailbox(address), state, at: timestamp() }).changes === 1;
    },
    /** A confirmed subscription: the reader is active, with the language they chose, whether or not they were there before. */
    activate(address: string, language: string): Reader {
      statements.activate.run({ address: toMailbox(address), language, at: timestamp() });
      return this.find(address)!;
    },
    /** Pending readers who never confirmed before `before`, with no send and no vote: their address is not kept. */
    removeUnconfirmed(before: Date): number {
      return statements.removeUnconfirmed.run(before.toISOString()).changes;
    },
    /** The reader's vote on a paper, replacing their earlier one. */
    recordVote(readerId: number, paperId: string, vote: Vote): void {
      statements.vote.run({ readerId, paperId, vote, at: timestamp() });
    },
    /** Every vote, for export and the next issue's ranking: the last vote of each reader on each paper. */
    listVotes(): Array<{ address: string; paperId: string; vote: Vote; at: string }> {
      return statements.listVotes.all() as Array<{ address: string; paperId: string; vote: Vote; at: string }>;
    },
  };
}

// --- internal ---

interface ReaderRow {
  id: number;
  address: string;
  name: string;
  language: string;
  state: ReaderState;
  created_at: string;
  updated_at: string;
}

function toReader(row: ReaderRow): Reader {
  return { id: row.id, address: row.address, name: row.name, language: row.language, state: row.state, createdAt: row.created_at, updatedAt: row.updated_at };
}

function prepareStatements(connection: Database) {
  return {
    list: connection.prepare('SELECT * FROM readers ORDER BY id'),
    count: connection.prepare('SELECT count(*) AS count FROM readers'),
    find: connection.prepare('SELECT * FROM readers WHERE address = ?'),
    listActive: connection.prepare("SELECT * FROM readers WHERE state = 'active' ORDER BY id"),
    insert: connection.prepare(
      'INSERT INTO readers (address, name, language, state, created_at, updated_at) VALUES (@address, @name, @language, @state, @at, @at) ON CONFLICT (address) DO NOTHING',
    ),
    remove: connection.prepare('DELETE FROM readers WHERE address = ?'),
    setState: connection.prepare('UPDATE readers SET state = @state, updated_at = @at WHERE address = @address'),
    activate: connection.prepare(
      `INSERT INTO readers (address, language, state, created_at, updated_at) VALUES (@address, @language, 'active', @at, @at)
       ON CONFLICT (address) DO UPDATE SET state = 'active', language = excluded.language, updated_at = excluded.updated_at`,
    ),
    removeUnconfirmed: connection.prepare(
      `DELETE FROM readers WHERE state = 'pending' AND created_at < ?
       AND NOT EXISTS (SELECT 1 FROM sends WHERE sends.reader_id = readers.id) AND NOT EXISTS (SELECT 1 FROM votes WHERE votes.reader_id = readers.id)`,
    ),
    vote: connection.prepare(
      `INSERT INTO votes (reader_id, paper_id, vote, at) VALUES (@readerId, @paperId, @vote, @at)
       ON CONFLICT (reader_id, paper_id) DO UPDATE SET vote = excluded.vote, at = excluded.at`,
    ),
    listVotes: connection.prepare(
      'SELECT readers.address AS address, votes.paper_id AS paperId, votes.vote AS vote, votes.at AS at FROM votes JOIN readers ON readers.id = votes.reader_id ORDER BY votes.at, readers.id',
    ),
  };
}
