import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openReadersDatabase } from '../../src/readers/open-readers-database.js';
import { ReadersDatabaseError } from '../../src/readers/readers-database-error.js';
import { READERS_MIGRATIONS } from '../../src/readers/readers-migrations.js';
import { createReadersStore } from '../../src/readers/readers-store.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});
const makePath = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'arxiv-brief-readers-db-'));
  folders.push(folder);
  return join(folder, 'data', 'readers.sqlite');
};

describe('the readers database', () => {
  it('is created at the last schema version, in WAL mode with foreign keys on', async () => {
    const path = await makePath();
    expect(openReadersDatabase(path)).toBeUndefined();
    const connection = openReadersDatabase(path, { create: true })!;
    expect(connection.pragma('user_version', { simple: true })).toBe(READERS_MIGRATIONS.length);
    expect(connection.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(connection.pragma('foreign_keys', { simple: true })).toBe(1);
    connection.close();
  });

  it('brings a database made by the first release up to date, keeping its readers and sends', async () => {
    const path = await makePath();
    const old = openReadersDatabase(path, { create: true, migrations: READERS_MIGRATIONS.slice(0, 1) })!;
    old.prepare("INSERT INTO readers (address, state, created_at, updated_at) VALUES ('ada@example.org', 'active', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')").run();
    old.prepare("INSERT INTO sends (reader_id, mailing, outcome, message_id, subject, at, accepted_copies) VALUES (1, '2025-01-02', 'accepted', '<m@x>', 's', '2025-01-02T06:00:00.000Z', 1)").run();
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();

    const current = openReadersDatabase(path)!;
    expect(current.pragma('user_version', { simple: true })).toBe(READERS_MIGRATIONS.length);
    const readers = createReadersStore(current);
    expect(readers.list().map((reader) => [reader.address, reader.state])).toEqual([['ada@example.org', 'active']]);
    readers.recordVote(1, '2509.08721', 'up');
    expect(readers.listVotes()).toMatchObject([{ address: 'ada@example.org', paperId: '2509.08721', vote: 'up' }]);
    expect(current.prepare('SELECT count(*) AS count FROM sends').get()).toEqual({ count: 1 });
    current.close();
  });

  it('brings a database made by the release with votes (version 2) up to date, keeping its readers and votes, with empty libraries', async () => {
    const path = await makePath();
    const old = openReadersDatabase(path, { create: true, migrations: READERS_MIGRATIONS.slice(0, 2) })!;
    old.prepare("INSERT INTO readers (address, state, created_at, updated_at) VALUES ('ada@example.org', 'active', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')").run();
    old.prepare("INSERT INTO votes (reader_id, paper_id, vote, at) VALUES (1, '2509.08721', 'down', '2025-01-03T07:00:00.000Z')").run();
    expect(old.pragma('user_version', { simple: true })).toBe(2);
    old.close();

    const current = openReadersDatabase(path)!;
    expect(current.pragma('user_version', { simple: true })).toBe(READERS_MIGRATIONS.length);
    const readers = createReadersStore(current);
    expect(readers.listVotes()).toEqual([{ address: 'ada@example.org', paperId: '2509.08721', vote: 'down', at: '2025-01-03T07:00:00.000Z' }]);
    expect(readers.listReaderSignals()).toEqual([
      { readerId: 1, address: 'ada@example.org', votes: [{ paperId: '2509.08721', vote: 'down', at: '2025-01-03T07:00:00.000Z' }], library: [], never: [], follow: [] },
    ]);
    current.close();
  });

  it('refuses a database from a newer release, naming the versions, and leaves it untouched', async () => {
    const path = await makePath();
    openReadersDatabase(path, { create: true })!.close();
    const newer = new DatabaseConstructor(path);
    newer.pragma(`user_version = ${READERS_MIGRATIONS.length + 1}`);
    newer.close();
    expect(() => openReadersDatabase(path)).toThrow(new RegExp(`schema version ${READERS_MIGRATIONS.length + 1}, made by a newer arxiv-brief`));
  });

  it('names a file that is not a database, and what to do', async () => {
    const path = await makePath();
    openReadersDatabase(path, { create: true })!.close();
    await writeFile(path, 'not a database at all, just some text that is long enough to have a header'.repeat(20));
    let caught: unknown;
    try {
      openReadersDatabase(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ReadersDatabaseError);
    expect((caught as Error).message).toContain(`${path} is not a readable SQLite database`);
    expect((caught as ReadersDatabaseError).busy).toBe(false);
  });

  it('removing a reader removes their sends, votes, library and rules', async () => {
    const connection = openReadersDatabase(await makePath(), { create: true })!;
    const readers = createReadersStore(connection);
    const { reader } = readers.add({ address: 'Ada@Example.org' }, 'active', 'en');
    readers.recordVote(reader.id, '2509.08721', 'down');
    connection.prepare("INSERT INTO sends (reader_id, mailing, outcome, message_id, subject, at, accepted_copies) VALUES (?, '2025-01-02', 'accepted', '<m@x>', 's', 'now', 1)").run(reader.id);
    readers.replaceLibrary(reader.id, [{ title: 'Attention Is All You Need', abstract: '', authors: ['Ashish Vaswani'], arxivId: '1706.03762', addedAt: null }]);
    readers.addRule(reader.id, 'never', 'blockchain');
    expect(readers.remove('ada@example.org')).toBe(true);
    expect(connection.prepare('SELECT (SELECT count(*) FROM sends) + (SELECT count(*) FROM votes) + (SELECT count(*) FROM library_items) + (SELECT count(*) FROM reader_rules) AS rows').get()).toEqual({ rows: 0 });
    connection.close();
  });
});
