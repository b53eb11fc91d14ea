import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { checkReadersDatabase } from '../../src/doctor/check-readers-database.js';
import { checkServerHealth } from '../../src/doctor/check-server-health.js';
import { getReadersDatabasePath } from '../../src/readers/get-readers-database-path.js';
import { openReadersDatabase } from '../../src/readers/open-readers-database.js';
import { READERS_MIGRATIONS } from '../../src/readers/readers-migrations.js';
import { startReaderServer } from '../../src/serve/start-reader-server.js';
import { canMountTmpfs, mountSmallDisk } from '../helpers/small-disk.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arxiv-brief-doctor-readers-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});
const configFor = (env: Record<string, string> = {}) => loadConfig({ env: { SUMMARIZE_OUTPUT_DIR: join(root, 'output'), SUMMARIZE_UNSUBSCRIBE_SECRET: 'a-test-secret-of-32-characters!!', ...env }, envFile: '/nonexistent/.env' });

it('says where the database will be made when there is none, and creates nothing', async () => {
  const result = await checkReadersDatabase(configFor());
  expect(result).toMatchObject({ status: 'ok', message: expect.stringContaining('no readers database yet') });
  expect(openReadersDatabase(getReadersDatabasePath(configFor()))).toBeUndefined();
});

it('opens an old database, brings it up to date and counts its readers', async () => {
  const path = getReadersDatabasePath(configFor());
  const old = openReadersDatabase(path, { create: true, migrations: READERS_MIGRATIONS.slice(0, 1) })!;
  old.prepare("INSERT INTO readers (address, state, created_at, updated_at) VALUES ('ada@example.org', 'active', 'then', 'then')").run();
  old.close();
  const result = await checkReadersDatabase(configFor());
  expect(result.status).toBe('ok');
  expect(result.message).toContain(`schema ${READERS_MIGRATIONS.length} of ${READERS_MIGRATIONS.length}): 1 active`);
});

it('fails when the data folder lies inside the published output folder', async () => {
  const result = await checkReadersDatabase(configFor({ SUMMARIZE_DATA_DIR: join(root, 'output', 'data') }));
  expect(result).toMatchObject({ status: 'failed', message: expect.stringContaining('inside the output folder') });
});

it.skipIf(!canMountTmpfs)('names a read-only readers database and what to do, not in SQLite\'s words', async () => {
  const disk = mountSmallDisk(1 << 20);
  try {
    const config = configFor({ SUMMARIZE_DATA_DIR: join(disk.path, 'data') });
    openReadersDatabase(getReadersDatabasePath(config), { create: true })!.close();
    disk.makeReadOnly();
    const result = await checkReadersDatabase(config);
    expect(result.status).toBe('failed');
    expect(result.message).toContain(getReadersDatabasePath(config));
    expect(result.message).toMatch(/cannot be opened .*: check that its folder exists and this user may write there, or set SUMMARIZE_DATA_DIR/);
    expect(result.message).not.toMatch(/unable to open|readonly database|failed: /);
  } finally {
    disk.unmount();
  }
});

it('names a database another process holds locked when the probe write is refused, not in SQLite\'s words', async () => {
  const path = getReadersDatabasePath(configFor());
  const other = openReadersDatabase(path, { create: true })!;
  other.exec('BEGIN IMMEDIATE');
  try {
    const result = await checkReadersDatabase(configFor());
    expect(result).toMatchObject({ status: 'failed', message: `the readers database ${path} is locked by another process; nothing was written: try again in a moment` });
    expect(result.message).not.toContain('database is locked');
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
}, 15_000);

it("checks the public URL's /healthz: ok while serve runs, failed once it stopped and readers expect it", async () => {
  const server = await startReaderServer(configFor(), { host: '127.0.0.1', port: 0, log: () => {} });
  expect(await checkServerHealth(`${server.url}/`, true, 5_000, fetch)).toMatchObject({ status: 'ok', message: `${server.url}/healthz answers` });
  await server.close();
  expect((await checkServerHealth(server.url, true, 5_000, fetch)).status).toBe('failed');
  expect((await checkServerHealth(server.url, false, 5_000, fetch)).status).toBe('warning');
});
