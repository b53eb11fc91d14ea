import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createFileReaderSendStore, getReaderSendRecordPath } from '../../src/reader-sends/create-file-reader-send-store.js';
import { toReaderId } from '../../src/reader-sends/to-reader-id.js';
import { testReaderSendStoreContract } from '../helpers/reader-send-store-contract.js';

const DATE = '2025-01-31';
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});
const makeOutputDir = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'arxiv-brief-reader-store-'));
  folders.push(folder);
  return folder;
};

testReaderSendStoreContract('the file journal', async () => {
  const outputDir = await makeOutputDir();
  return async () => createFileReaderSendStore(outputDir, DATE);
});

const accepted = (mailbox: string) => ({ mailbox, readerId: toReaderId(mailbox), outcome: 'accepted' as const, messageId: '<m@example.org>', subject: 's', at: '2025-01-31T06:00:00.000Z', acceptedCopies: 1 });

it('drops a last line cut short by a crash, and appends after it as if it had never been written', async () => {
  const outputDir = await makeOutputDir();
  await createFileReaderSendStore(outputDir, DATE).record(accepted('ada@example.com'));
  const path = getReaderSendRecordPath(outputDir, DATE);
  await writeFile(path, `${await readFile(path, 'utf8')}{"mailbox":"alan@exa`);

  const store = createFileReaderSendStore(outputDir, DATE);
  expect((await store.read()).map((state) => state.mailbox)).toEqual(['ada@example.com']);
  await store.record(accepted('grace@example.com'));
  expect((await createFileReaderSendStore(outputDir, DATE).read()).map((state) => state.mailbox)).toEqual(['ada@example.com', 'grace@example.com']);
  expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(4);
});

it('refuses a damaged record rather than mail everyone again, naming the file and what to do', async () => {
  const outputDir = await makeOutputDir();
  await createFileReaderSendStore(outputDir, DATE).record(accepted('ada@example.com'));
  const path = getReaderSendRecordPath(outputDir, DATE);
  await writeFile(path, `${await readFile(path, 'utf8')}not json\n`);
  await expect(createFileReaderSendStore(outputDir, DATE).read()).rejects.toThrow(`${path} is not a send record written by summarize (line 3 is not a reader's state); check with \`summarize send --status\``);
});

it('refuses a record it cannot read rather than taking it for "nothing sent yet"', async () => {
  const outputDir = await makeOutputDir();
  // A folder where the journal should be: unreadable as a file, whoever runs the test (root reads any file).
  await mkdir(getReaderSendRecordPath(outputDir, DATE), { recursive: true });
  await expect(createFileReaderSendStore(outputDir, DATE).read()).rejects.toThrow(/cannot read the send record .*\.sent\.jsonl \(EISDIR\); check who owns it/);
});

it('carries over a record of the older format (one entry per attempt) into per-reader states', async () => {
  const outputDir = await makeOutputDir();
  await mkdir(join(outputDir, 'mail'), { recursive: true });
  const attempt = { messageId: '<2025-01-31.abc@example.org>', subject: 's', from: 'brief@example.org', startedAt: '2025-01-31T06:00:00.000Z' };
  const attempts = [
    { ...attempt, status: 'partial', recipients: ['ada@example.com', 'gone@example.net', 'grey@example.net'], accepted: ['ada@example.com'], rejected: ['gone@example.net'], deferred: ['grey@example.net'], finishedAt: '2025-01-31T06:01:00.000Z' },
    { ...attempt, status: 'sending', recipients: ['Alan <alan@example.com>'], accepted: [], rejected: [], startedAt: '2025-01-31T07:00:00.000Z' },
  ];
  await writeFile(join(outputDir, 'mail', `${DATE}.sent.json`), JSON.stringify({ schemaVersion: 1, date: DATE, attempts }));

  const store = createFileReaderSendStore(outputDir, DATE);
  const states = await store.read();
  expect(states.map((state) => [state.mailbox, state.outcome, state.acceptedCopies])).toEqual([
    ['ada@example.com', 'accepted', 1],
    ['gone@example.net', 'rejected', 0],
    ['grey@example.net', 'deferred', 0],
    ['alan@example.com', 'uncertain', 0],
  ]);
  // The first outcome recorded starts the journal with what the older record said.
  await store.record({ ...accepted('grey@example.net'), acceptedCopies: 1 });
  expect((await createFileReaderSendStore(outputDir, DATE).read()).map((state) => state.outcome)).toEqual(['accepted', 'rejected', 'accepted', 'uncertain']);
});
