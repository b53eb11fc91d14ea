import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryItem } from '../../src/library/library-item.js';
import { openReadersDatabase } from '../../src/readers/open-readers-database.js';
import { createReadersStore } from '../../src/readers/readers-store.js';

const folders: string[] = [];
const connections: Array<{ close(): void }> = [];
afterEach(async () => {
  for (const connection of connections.splice(0)) connection.close();
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});
const openStore = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'arxiv-brief-signals-'));
  folders.push(folder);
  const path = join(folder, 'readers.sqlite');
  const connection = openReadersDatabase(path, { create: true })!;
  connections.push(connection);
  return { readers: createReadersStore(connection), path };
};

const transformer: LibraryItem = { title: 'Attention Is All You Need', abstract: 'The dominant sequence transduction models…', authors: ['Ashish Vaswani', 'Noam Shazeer'], arxivId: '1706.03762', addedAt: '2024-03-05T10:12:00.000Z' };
const resnet: LibraryItem = { title: 'Deep Residual Learning for Image Recognition', abstract: '', authors: ['Kaiming He'], arxivId: null, addedAt: null };

describe("a reader's signals", () => {
  it("gives each active reader their votes, library and rules, and nobody else's, listed or read one reader at a time", async () => {
    const { readers } = await openStore();
    const ada = readers.add({ address: 'ada@example.org' }, 'active', 'en').reader;
    const alan = readers.add({ address: 'alan@example.org' }, 'active', 'en').reader;
    const gone = readers.add({ address: 'gone@example.org' }, 'unsubscribed', 'en').reader;
    readers.recordVote(ada.id, '2509.08721', 'up');
    readers.recordVote(gone.id, '2509.08721', 'down');
    readers.replaceLibrary(ada.id, [transformer, resnet]);
    readers.replaceLibrary(gone.id, [resnet]);
    readers.addRule(ada.id, 'never', 'blockchain');
    readers.addRule(ada.id, 'follow', 'Yoshua Bengio');
    readers.addRule(gone.id, 'follow', 'Geoffrey Hinton');

    const signals = readers.listReaderSignals();
    expect(signals.map((reader) => reader.address)).toEqual(['ada@example.org', 'alan@example.org']);
    expect(signals[0]).toMatchObject({ readerId: ada.id, votes: [{ paperId: '2509.08721', vote: 'up' }], library: [transformer, resnet], never: ['blockchain'], follow: ['Yoshua Bengio'] });
    expect(signals[1]).toEqual({ readerId: alan.id, address: 'alan@example.org', votes: [], library: [], never: [], follow: [] });
    // One reader's alone (`readers explain`) are the same as the list's.
    expect(readers.readReaderSignals(ada)).toEqual(signals[0]);
    expect(readers.readReaderSignals(alan)).toEqual(signals[1]);
  });

  it('replaces a library on reimport instead of adding to it', async () => {
    const { readers } = await openStore();
    const ada = readers.add({ address: 'ada@example.org' }, 'active', 'en').reader;
    readers.replaceLibrary(ada.id, [transformer, resnet]);
    readers.replaceLibrary(ada.id, [resnet]);
    expect(readers.listReaderSignals()[0]!.library).toEqual([resnet]);
  });

  it('keeps one rule per keyword whatever its letter case, and removes it the same way', async () => {
    const { readers } = await openStore();
    const ada = readers.add({ address: 'ada@example.org' }, 'active', 'en').reader;
    expect(readers.addRule(ada.id, 'never', 'Blockchain')).toBe(true);
    expect(readers.addRule(ada.id, 'never', 'blockchain')).toBe(false);
    expect(readers.addRule(ada.id, 'follow', 'blockchain')).toBe(true);
    expect(readers.listRules(ada.id, 'never')).toEqual(['Blockchain']);
    expect(readers.removeRule(ada.id, 'never', 'BLOCKCHAIN')).toBe(true);
    expect(readers.removeRule(ada.id, 'never', 'blockchain')).toBe(false);
    expect(readers.listRules(ada.id, 'never')).toEqual([]);
    expect(readers.listRules(ada.id, 'follow')).toEqual(['blockchain']);
  });
});
