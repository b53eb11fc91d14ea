import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/brief-error.js';
import { readInterestsFile } from '../../src/rank/read-interests-file.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'arxiv-brief-interests-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const text = '# mine\r\nretrieval over long documents\r\n+benchmark\r\n-robot\r\n';
const expected = { topics: ['retrieval over long documents'], boosts: ['benchmark'], excludes: ['robot'], examples: [] };

function utf16BigEndian(value: string): Buffer {
  const littleEndian = Buffer.from(value, 'utf16le');
  for (let index = 0; index < littleEndian.length; index += 2) [littleEndian[index], littleEndian[index + 1]] = [littleEndian[index + 1]!, littleEndian[index]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), littleEndian]);
}

describe('readInterestsFile', () => {
  it.each([
    ['UTF-8 with a BOM (Notepad "UTF-8 with BOM")', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16 LE (Notepad "Unicode")', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE', utf16BigEndian(text)],
  ])('reads a file in %s', async (_, bytes) => {
    const path = join(folder, 'interests.txt');
    await writeFile(path, bytes);
    expect(await readInterestsFile(path)).toEqual(expected);
  });

  it('calls a binary file a configuration error naming it', async () => {
    const path = join(folder, 'interests.txt');
    await writeFile(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0x00, 0x10]));
    const failure = await readInterestsFile(path).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toContain(path);
    expect((failure as Error).message).toMatch(/not a text file/);
  });

  it('reads the README example as it says: comments after the entries are not part of them', async () => {
    const readme = await readFile(join(import.meta.dirname, '../../README.md'), 'utf8');
    const example = /\*\*Interests\.\*\*[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const path = join(folder, 'interests.txt');
    await writeFile(path, example!);
    expect(await readInterestsFile(path)).toEqual({
      topics: ['retrieval over very long documents', 'long context language models'],
      boosts: ['benchmark'],
      excludes: ['robot'],
      examples: [expect.objectContaining({ id: '2509.08721' })],
    });
  });
});
