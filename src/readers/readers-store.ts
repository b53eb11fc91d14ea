import type { Database } from 'better-sqlite3';
import { toMailbox } from '../reader-sends/to-mailbox.js';
import type { LibraryItem } from '../library/library-item.js';
import type { Reader, ReaderState, Vote } from './reader.js';
import type { ReaderSignals } from './reader-signals.js';

/** A reader to add: the address as typed (`Ada <ada@example.org>` too), name and language optional. */
export interface NewReader {
  address: string;
  name?: string | undefined;
  language?: string | undefined;
}

/** A reader's rule: `never` drops a paper matching the keyword, `follow` always shows a paper by the author. */
export type ReaderRuleKind = 'never' | 'follow';

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
    /** Deletes the reader with their sends, votes, library and rules (foreign keys cascade): a reader may ask to be forgotten. */
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
    /** The reader's library becomes `items`, in one transaction: a reimport replaces the last one, it never adds to it. Returns how many items it replaced. */
    replaceLibrary(readerId: number, items: readonly LibraryItem[]): number {
      return connection.transaction(() => {
        const replaced = statements.clearLibrary.run(readerId).changes;
        items.forEach((item, position) =>
          statements.insertLibraryItem.run({ readerId, position, title: item.title, abstract: item.abstract, authors: JSON.stringify(item.authors), arxivId: item.arxivId, addedAt: item.addedAt }),
        );
        return replaced;
      })();
    },
    /** Adds a rule; false when the reader has it already (letter case aside). */
    addRule(readerId: number, kind: ReaderRuleKind, value: string): boolean {
      return statements.addRule.run({ readerId, kind, value }).changes === 1;
    },
    /** Removes a rule (letter case aside); false when the reader had none such. */
    removeRule(readerId: number, kind: ReaderRuleKind, value: string): boolean {
      return statements.removeRule.run({ readerId, kind, value }).changes > 0;
    },
    /** The reader's rules of a kind, in the order added. */
    listRules(readerId: number, kind: ReaderRuleKind): string[] {
      return (statements.listRules.all({ readerId, kind }) as Array<{ value: string }>).map((row) => row.value);
    },
    /** One reader's votes, library and rules, as listReaderSignals gives an active reader's: what `readers explain` needs of one. */
    readReaderSignals(reader: Pick<Reader, 'id' | 'address'>): ReaderSignals {
      const signals: ReaderSignals = { readerId: reader.id, address: reader.address, votes: [], library: [], never: [], follow: [] };
      for (const row of statements.readerVotes.all(reader.id) as Array<{ paperId: string; vote: Vote; at: string }>) signals.votes.push({ paperId: row.paperId, vote: row.vote, at: row.at });
      for (const row of statements.readerLibrary.all(reader.id) as LibraryRow[]) signals.library.push(toLibraryItem(row));
      for (const row of statements.readerRules.all(reader.id) as Array<{ kind: ReaderRuleKind; value: string }>) signals[row.kind].push(row.value);
      return signals;
    },
    /** Each active reader's votes, library and rules, in the order they were added: what ranks their own copy. */
    listReaderSignals(): ReaderSignals[] {
      const signals = new Map<number, ReaderSignals>();
      for (const reader of statements.listActive.all() as ReaderRow[]) signals.set(reader.id, { readerId: reader.id, address: reader.address, votes: [], library: [], never: [], follow: [] });
      // Four reads of whole tables, grouped here: a query per reader would cost a round trip each for a thousand readers.
      for (const row of statements.activeVotes.all() as Array<{ readerId: number; paperId: string; vote: Vote; at: string }>) signals.get(row.readerId)?.votes.push({ paperId: row.paperId, vote: row.vote, at: row.at });
      for (const row of statements.libraries.all() as LibraryRow[]) signals.get(row.reader_id)?.library.push(toLibraryItem(row));
      for (const row of statements.activeRules.all() as Array<{ readerId: number; kind: ReaderRuleKind; value: string }>) signals.get(row.readerId)?.[row.kind].push(row.value);
      return [...signals.values()];
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

interface LibraryRow {
  reader_id: number;
  title: string;
  abstract: string;
  authors: string;
  arxiv_id: string | null;
  added_at: string | null;
}

function toLibraryItem(row: LibraryRow): LibraryItem {
  return { title: row.title, abstract: row.abstract, authors: JSON.parse(row.authors) as string[], arxivId: row.arxiv_id, addedAt: row.added_at };
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
    clearLibrary: connection.prepare('DELETE FROM library_items WHERE reader_id = ?'),
    insertLibraryItem: connection.prepare(
      'INSERT INTO library_items (reader_id, position, title, abstract, authors, arxiv_id, added_at) VALUES (@readerId, @position, @title, @abstract, @authors, @arxivId, @addedAt)',
    ),
    addRule: connection.prepare(
      `INSERT INTO reader_rules (reader_id, kind, value) SELECT @readerId, @kind, @value
       WHERE NOT EXISTS (SELECT 1 FROM reader_rules WHERE reader_id = @readerId AND kind = @kind AND lower(value) = lower(@value))`,
    ),
    removeRule: connection.prepare('DELETE FROM reader_rules WHERE reader_id = @readerId AND kind = @kind AND lower(value) = lower(@value)'),
    listRules: connection.prepare('SELECT value FROM reader_rules WHERE reader_id = @readerId AND kind = @kind ORDER BY rowid'),
    activeVotes: connection.prepare(
      "SELECT votes.reader_id AS readerId, paper_id AS paperId, vote, at FROM votes JOIN readers ON readers.id = votes.reader_id WHERE readers.state = 'active' ORDER BY at, paper_id",
    ),
    // No join with readers: the items of readers who are not active are dropped while grouping, and a join made the read twice as slow.
    libraries: connection.prepare('SELECT reader_id, title, abstract, authors, arxiv_id, added_at FROM library_items ORDER BY reader_id, position'),
    readerVotes: connection.prepare('SELECT paper_id AS paperId, vote, at FROM votes WHERE reader_id = ? ORDER BY at, paper_id'),
    readerLibrary: connection.prepare('SELECT reader_id, title, abstract, authors, arxiv_id, added_at FROM library_items WHERE reader_id = ? ORDER BY position'),
    readerRules: connection.prepare('SELECT kind, value FROM reader_rules WHERE reader_id = ? ORDER BY rowid'),
    activeRules: connection.prepare(
      "SELECT reader_rules.reader_id AS readerId, kind, value FROM reader_rules JOIN readers ON readers.id = reader_rules.reader_id WHERE readers.state = 'active' ORDER BY reader_rules.rowid",
    ),
  };
}
