import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPaperCache } from '../../src/paper/paper-cache.js';

describe('the text cache', () => {
  it('treats an entry with missing or mistyped fields as no entry, so it is rebuilt instead of failing every night', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'paper-cache-'));
    await mkdir(join(folder, 'text'), { recursive: true });
    const cache = createPaperCache(folder);
    await writeFile(join(folder, 'text', '2509.08721v1.json'), JSON.stringify({ cacheVersion: 1, text: 'Abstract. We study things.' }));
    await writeFile(join(folder, 'text', '2509.08722v1.json'), JSON.stringify({ cacheVersion: 1, pageCount: '3', text: 42, stats: {} }));

    expect(await cache.readText('2509.08721', 1)).toBeNull();
    expect(await cache.readText('2509.08722', 1)).toBeNull();
  });

  it('reads back what it wrote', async () => {
    const cache = createPaperCache(await mkdtemp(join(tmpdir(), 'paper-cache-')));
    const stats = { charsIn: 10, charsOut: 9, controlCharsRemoved: 0, accentsCombined: 0, tabsReplaced: 0, ligaturesReplaced: 0, pageJoinersRemoved: 0, arxivStampsRemoved: 0, repeatedLinesRemoved: 0, pageNumbersRemoved: 0, hyphenationsJoined: 0, hyphenationsKept: 0, referencesRemoved: true, referencesChars: 120, referencesMethod: 'heading' as const, appendixCharsKept: 0 };
    await cache.writeText('2509.08721', 1, { pageCount: 2, text: 'Hello.', stats });
    expect(await cache.readText('2509.08721', 1)).toMatchObject({ pageCount: 2, text: 'Hello.', stats: { referencesRemoved: true } });
  });
});
