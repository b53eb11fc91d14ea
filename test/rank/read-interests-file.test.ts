import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/brief-error.js';
import { readInterestsFile } from '../../src/rank/read-interests-file.js';

const TEXT = 'retrieval über lange Dokumente\n+benchmark\n-robot\n';

async function write(bytes: Uint8Array): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'interests-')), 'interests.txt');
  await writeFile(path, bytes);
  return path;
}

const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('readInterestsFile', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT)],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
    ['UTF-16 LE, as Notepad saves it', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT.replace(/\n/g, '\r\n'), 'utf16le')])],
    ['UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])],
  ])('reads a file in %s', async (_encoding, bytes) => {
    expect(await readInterestsFile(await write(bytes))).toMatchObject({ topics: ['retrieval über lange Dokumente'], boosts: ['benchmark'], excludes: ['robot'] });
  });

  it('refuses a binary file as a configuration error naming it and the fix', async () => {
    const path = await write(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const error = await readInterestsFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).toContain(`${path} is not a text file`);
    expect(String(error)).toContain('save it as plain text (UTF-8)');
  });
});
