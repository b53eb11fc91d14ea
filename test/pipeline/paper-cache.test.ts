import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPaperCache } from '../../src/pipeline/paper-cache.js';

describe('createPaperCache text entries', () => {
  let cacheDir: string;
  beforeEach(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'paper-cache-'));
  });
  afterEach(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('discards an entry with missing fields, so the paper is extracted again instead of failing', async () => {
    await mkdir(join(cacheDir, 'text'), { recursive: true });
    // An entry cut by an older version or edited by hand: the version matches, the stats are gone.
    await writeFile(join(cacheDir, 'text', '2401.00001v1.json'), JSON.stringify({ cacheVersion: 1, text: 'Body' }));
    const cache = createPaperCache(cacheDir);
    expect(await cache.readText('2401.00001', 1)).toBeNull();
  });

  it('reads back an entry it wrote', async () => {
    const cache = createPaperCache(cacheDir);
    const stats = { referencesRemoved: true } as Parameters<typeof cache.writeText>[2]['stats'];
    await cache.writeText('2401.00001', 1, { pageCount: 3, text: 'Body', stats });
    expect(await cache.readText('2401.00001', 1)).toMatchObject({ pageCount: 3, text: 'Body', stats: { referencesRemoved: true } });
  });
});
