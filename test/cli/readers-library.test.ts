import { mkdtemp, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openReadersDatabase } from '../../src/readers/open-readers-database.js';
import { createReadersStore } from '../../src/readers/readers-store.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { ZOTERO_BIBTEX, ZOTERO_RIS } from '../library/zotero-exports.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});
const makeEnv = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'arxiv-brief-library-cli-'));
  folders.push(folder);
  return { folder, env: { SUMMARIZE_OUTPUT_DIR: join(folder, 'output'), SUMMARIZE_DATA_DIR: join(folder, 'data') } };
};
const readers = (args: string[], env: NodeJS.ProcessEnv) => runCliCaptured(['readers', ...args], env);
// What the night reads back: each active reader's library and rules, from a fresh connection.
const readSignals = (env: { SUMMARIZE_DATA_DIR: string }) => {
  const connection = openReadersDatabase(join(env.SUMMARIZE_DATA_DIR, 'readers.sqlite'))!;
  try {
    return createReadersStore(connection).listReaderSignals();
  } finally {
    connection.close();
  }
};

it("sets a reader's library from a Zotero export, and a second export replaces it", async () => {
  const { folder, env } = await makeEnv();
  await readers(['add', 'ada@example.org'], env);
  await writeFile(join(folder, 'My Library.bib'), ZOTERO_BIBTEX);
  const added = await readers(['library', 'Ada@Example.org', join(folder, 'My Library.bib')], env);
  expect(added.code).toBe(0);
  expect(added.stderr).toBe("Added 3 papers to ada@example.org's library (BibTeX); 1 without an abstract\n");
  expect(readSignals(env)[0]!.library.map((item) => item.title)).toEqual(['Attention Is All You Need', 'On random graphs I', 'Gödel Meets Transformers: Pruning via über-sparse α-attention']);

  await writeFile(join(folder, 'Exported Items.ris'), ZOTERO_RIS);
  expect((await readers(['library', 'ada@example.org', join(folder, 'Exported Items.ris')], env)).stderr).toBe("Added 2 papers to ada@example.org's library (RIS) in place of the 3 it had; 1 without an abstract\n");
  expect(readSignals(env)[0]!.library.map((item) => item.arxivId)).toEqual(['2005.14165', null]);
});

it('refuses a file it cannot use with one line naming it and how to fix it, and changes nothing', async () => {
  const { folder, env } = await makeEnv();
  await readers(['add', 'ada@example.org'], env);
  await writeFile(join(folder, 'My Library.bib'), ZOTERO_BIBTEX);
  await readers(['library', 'ada@example.org', join(folder, 'My Library.bib')], env);
  const before = readSignals(env);

  const huge = join(folder, 'huge.bib');
  // A sparse file: 200 MB long, next to nothing on disk. Its size is refused before it is read.
  await truncate(await writeFile(huge, '@misc{').then(() => huge), 200 * 1024 * 1024);
  expect((await stat(huge)).size).toBe(200 * 1024 * 1024);
  const notes = join(folder, 'notes.txt');
  await writeFile(notes, 'Papers to read: the attention one\n');
  const noBom = join(folder, 'windows.bib');
  await writeFile(noBom, Buffer.from(ZOTERO_BIBTEX, 'utf16le'));
  const empty = join(folder, 'empty.json');
  await writeFile(empty, '[]');

  for (const [file, problem] of [
    [huge, 'is 200 MB, more than the 50 MB a library file may be'],
    [notes, 'is not BibTeX, RIS, CSL JSON or Zotero RDF'],
    [noBom, 'looks like UTF-16 text without a byte-order mark'],
    [empty, 'is CSL JSON but has no paper with a title in it'],
    [join(folder, 'missing.bib'), 'cannot read the library file (ENOENT)'],
  ]) {
    const result = await readers(['library', 'ada@example.org', file!], env);
    expect(result.code, file).toBe(1);
    expect(result.stderr).toContain(`${file}: ${problem}`);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain('    at ');
  }
  expect((await readers(['library', 'ada@example.org', notes], env)).stderr).toContain('export your library from Zotero (File → Export Library…) or JabRef as BibTeX, RIS or CSL JSON');
  expect(readSignals(env)).toEqual(before);
});

it('names an address that is not a reader, and creates no database for it', async () => {
  const { folder, env } = await makeEnv();
  await writeFile(join(folder, 'My Library.bib'), ZOTERO_BIBTEX);
  const noDatabase = await readers(['library', 'ada@example.org', join(folder, 'My Library.bib')], env);
  expect(noDatabase.code).toBe(2);
  expect(noDatabase.stderr).toContain('readers library: no reader ada@example.org:');
  expect(noDatabase.stderr).toContain('`summarize readers add ada@example.org` creates it');
  await expect(stat(join(env.SUMMARIZE_DATA_DIR, 'readers.sqlite'))).rejects.toThrow(/ENOENT/);

  await readers(['add', 'ada@example.org'], env);
  const unknown = await readers(['never', 'alan@example.org', 'blockchain'], env);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toMatch(/^summarize: readers never: no reader alan@example\.org in .*readers\.sqlite; add them first with `summarize readers add alan@example\.org`\n/);
});

it('keeps the keywords a reader never wants and the authors they follow, listed and removed by name', async () => {
  const { env } = await makeEnv();
  await readers(['add', 'ada@example.org'], env);
  expect((await readers(['never', 'ada@example.org', 'blockchain'], env)).stderr).toBe('ada@example.org\'s copy never shows papers matching "blockchain"\n');
  expect((await readers(['never', 'ada@example.org', 'Blockchain'], env)).stderr).toContain('already never shows papers matching "Blockchain"; left as it is');
  expect((await readers(['never', 'ada@example.org', 'large  language models '], env)).code).toBe(0);
  expect((await readers(['follow', 'ada@example.org', 'Yoshua Bengio'], env)).stderr).toBe('ada@example.org\'s copy always shows papers by "Yoshua Bengio"\n');
  expect((await readers(['never', 'ada@example.org'], env)).stderr).toBe("ada@example.org's copy never shows papers matching: blockchain, large language models\n");
  expect(readSignals(env)[0]).toMatchObject({ never: ['blockchain', 'large language models'], follow: ['Yoshua Bengio'] });

  expect((await readers(['follow', 'ada@example.org', 'yoshua bengio', '--remove'], env)).stderr).toBe('ada@example.org\'s copy no longer always shows papers by "yoshua bengio"\n');
  expect((await readers(['follow', 'ada@example.org', 'Yoshua Bengio', '--remove'], env)).stderr).toContain('had no "follow" rule for "Yoshua Bengio"; nothing removed');
  expect((await readers(['follow', 'ada@example.org'], env)).stderr).toBe('ada@example.org\'s copy has no "follow" rule\n');
  expect(readSignals(env)[0]).toMatchObject({ never: ['blockchain', 'large language models'], follow: [] });

  const noValue = await readers(['never', 'ada@example.org', '--remove'], env);
  expect(noValue.code).toBe(2);
  expect(noValue.stderr).toContain('readers never: --remove needs the keyword to remove');
});
