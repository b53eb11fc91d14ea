import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAtomicFileWriter } from '../../src/output/create-atomic-file-writer.js';
import { OutputWriteError } from '../../src/output/output-write-error.js';
import { canMountTmpfs, mountSmallDisk } from '../helpers/small-disk.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atomic-file-writer-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('createAtomicFileWriter', () => {
  it('keeps the old file in place until commit, then puts the whole new one there', async () => {
    const path = join(folder, 'data', 'shard.js');
    const writer = await createAtomicFileWriter(path);
    const piece = `${'é'.repeat(50_000)}\n`;
    for (let count = 0; count < 4; count += 1) await writer.write(piece);
    expect(writer.bytes).toBe(4 * Buffer.byteLength(piece));
    await writer.close();
    expect(existsSync(path)).toBe(false);

    await writer.commit();

    expect(await readFile(path, 'utf8')).toBe(piece.repeat(4));
    expect(await readdir(join(folder, 'data'))).toEqual(['shard.js']);
  });

  it('leaves the old file alone and nothing beside it when aborted', async () => {
    const path = join(folder, 'shard.js');
    await writeFile(path, 'old');
    const writer = await createAtomicFileWriter(path);
    await writer.write('new');
    await writer.abort();
    expect(await readdir(folder)).toEqual(['shard.js']);
    expect(await readFile(path, 'utf8')).toBe('old');
  });

  it.skipIf(!canMountTmpfs)('names the file and the full disk, and leaves nothing beside it', async () => {
    const disk = mountSmallDisk(256 * 1024);
    try {
      const path = join(disk.path, 'shard.js');
      await writeFile(path, 'old');
      const writer = await createAtomicFileWriter(path);
      await disk.fill();
      const failure = await (async () => {
        for (let count = 0; count < 8; count += 1) await writer.write('x'.repeat(64 * 1024));
        await writer.commit();
      })().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(OutputWriteError);
      expect((failure as OutputWriteError).message).toBe(`could not write ${path}: no space left on device: free some space (ENOSPC)`);
      expect((await readdir(disk.path)).sort()).toEqual(['filler.bin', 'shard.js']);
      expect(await readFile(path, 'utf8')).toBe('old');
    } finally {
      disk.unmount();
    }
  });
});
