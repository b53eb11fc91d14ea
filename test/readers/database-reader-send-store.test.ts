import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { ReaderSendState } from '../../src/reader-sends/reader-send-state.js';
import { createDatabaseReaderSendStore } from '../../src/readers/create-database-reader-send-store.js';
import { isHardBounced } from '../../src/readers/is-hard-bounced.js';
import { wasMailedToReaders } from '../../src/readers/was-mailed-to-readers.js';
import { openReadersDatabase } from '../../src/readers/open-readers-database.js';
import { createReadersStore } from '../../src/readers/readers-store.js';
import { testReaderSendStoreContract } from '../helpers/reader-send-store-contract.js';

const folders: string[] = [];
const connections: Array<{ close(): void }> = [];
afterEach(async () => {
  for (const connection of connections.splice(0)) connection.close();
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});
const openDatabase = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'arxiv-brief-sends-'));
  folders.push(folder);
  const path = join(folder, 'readers.sqlite');
  const connection = openReadersDatabase(path, { create: true })!;
  connections.push(connection);
  return { connection, path };
};

testReaderSendStoreContract('the sends table', async () => {
  const { connection, path } = await openDatabase();
  createReadersStore(connection).addMany(['ada@example.com', 'alan@example.com', 'grace@example.com'].map((address) => ({ address })), 'active', 'en');
  // Each open is a new connection, as the next run would make.
  return async () => {
    const next = openReadersDatabase(path)!;
    connections.push(next);
    return createDatabaseReaderSendStore(next, '2025-01-31', 'edition', { bounceLimit: 3 });
  };
});

const state = (mailbox: string, outcome: ReaderSendState['outcome'], at: string): ReaderSendState => ({ mailbox, readerId: '#00000000', outcome, messageId: `<${at}@x>`, subject: 's', at, acceptedCopies: outcome === 'accepted' ? 1 : 0 });

it('marks a reader bounced after three editions in a row refused their address, not before, and not after an accepted one', async () => {
  const { connection } = await openDatabase();
  const readers = createReadersStore(connection);
  readers.addMany([{ address: 'gone@example.org' }, { address: 'flaky@example.org' }], 'active', 'en');
  const record = (key: string, mailbox: string, outcome: ReaderSendState['outcome']) => createDatabaseReaderSendStore(connection, key, 'edition', { bounceLimit: 3 }).record(state(mailbox, outcome, `${key}T06:00:00.000Z`));
  await record('2025-01-01', 'gone@example.org', 'rejected');
  await record('2025-01-01', 'flaky@example.org', 'rejected');
  await record('2025-01-02', 'gone@example.org', 'rejected');
  await record('2025-01-02', 'flaky@example.org', 'accepted');
  expect(readers.find('gone@example.org')!.state).toBe('active');
  await record('2025-01-03', 'gone@example.org', 'rejected');
  await record('2025-01-03', 'flaky@example.org', 'rejected');
  expect(readers.find('gone@example.org')!.state).toBe('bounced');
  expect(readers.find('flaky@example.org')!.state).toBe('active');
});

it('does not write back a reader removed during the send', async () => {
  const { connection } = await openDatabase();
  const store = createDatabaseReaderSendStore(connection, '2025-01-31', 'edition', { bounceLimit: 3 });
  await store.record(state('forgotten@example.org', 'accepted', '2025-01-31T06:00:00.000Z'));
  expect(await store.read()).toEqual([]);
});

it('counts only an unbroken run of refusals, newest first', () => {
  expect(isHardBounced(['rejected', 'rejected', 'rejected'], 3)).toBe(true);
  expect(isHardBounced(['rejected', 'rejected'], 3)).toBe(false);
  expect(isHardBounced(['rejected', 'accepted', 'rejected', 'rejected'], 3)).toBe(false);
  expect(isHardBounced(['rejected'], 1)).toBe(true);
});

it('tells that an edition went to a reader of the database, so the edition they got is not rewritten', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'arxiv-brief-mailed-'));
  folders.push(folder);
  const config = { outputDir: join(folder, 'output'), dataDir: join(folder, 'data') };
  expect(await wasMailedToReaders(config, '2025-01-31')).toBe(false);
  const connection = openReadersDatabase(join(folder, 'data', 'readers.sqlite'), { create: true })!;
  connections.push(connection);
  createReadersStore(connection).add({ address: 'ada@example.org' }, 'active', 'en');
  const store = createDatabaseReaderSendStore(connection, '2025-01-31', 'edition', { bounceLimit: 3 });
  await store.record(state('ada@example.org', 'uncertain', '2025-01-31T06:00:00.000Z'));
  expect(await wasMailedToReaders(config, '2025-01-31')).toBe(false);
  await store.record(state('ada@example.org', 'accepted', '2025-01-31T06:00:01.000Z'));
  expect(await wasMailedToReaders(config, '2025-01-31')).toBe(true);
  expect(await wasMailedToReaders(config, '2025-02-01')).toBe(false);
});
