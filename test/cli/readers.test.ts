import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/run-cli-captured.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});
const makeEnv = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'arxiv-brief-readers-cli-'));
  folders.push(folder);
  return { folder, env: { SUMMARIZE_OUTPUT_DIR: join(folder, 'output'), SUMMARIZE_DATA_DIR: join(folder, 'data') } };
};
const readers = (args: string[], env: NodeJS.ProcessEnv, stdin = '') => runCliCaptured(['readers', ...args, '--out', env.SUMMARIZE_OUTPUT_DIR!], env, stdin);

it('adds, lists, exports, imports back and forgets readers', async () => {
  const { folder, env } = await makeEnv();
  expect((await readers(['add', 'Ada@Example.org', '--name', 'Ada Lovelace', '--language', 'fr'], env)).stderr).toContain('added ada@example.org (active)');
  expect((await readers(['add', 'ada@example.org'], env)).stderr).toContain('ada@example.org is already a reader (active); left as it is');

  const csv = 'address,name,language\nalan@example.org,"Turing, Alan",en\ngrace@example.org,,de\n';
  const imported = await readers(['import', '-'], env, csv);
  expect(imported.code).toBe(0);
  expect(imported.stderr).toContain('imported 2 readers');

  const listed = await readers(['list'], env);
  expect(listed.stdout.trim().split('\n').map((line) => line.split(/\s+/)[0])).toEqual(['ada@example.org', 'alan@example.org', 'grace@example.org']);
  expect(listed.stdout).toContain('Turing, Alan');
  expect(listed.stderr).toContain('3 readers: 3 active');

  const exported = await readers(['export'], env);
  expect(exported.stdout.split('\r\n')[0]).toBe('address,name,language,state,added');
  expect(exported.stdout).toContain('alan@example.org,"Turing, Alan",en,active,');

  // The export read back into another database keeps every reader, their state too.
  const other = await makeEnv();
  await writeFile(join(folder, 'export.csv'), exported.stdout.replace('grace@example.org,,de,active', 'grace@example.org,,de,unsubscribed'));
  expect((await readers(['import', join(folder, 'export.csv')], other.env)).code).toBe(0);
  expect((await readers(['list', '--state', 'unsubscribed'], other.env)).stdout).toMatch(/^grace@example\.org\s+unsubscribed\s+de/);

  expect((await readers(['remove', 'alan@example.org'], env)).stderr).toContain('removed alan@example.org with their sends, votes, library and rules');
  expect((await readers(['export'], env)).stdout).not.toContain('alan@example.org');
});

it('imports nothing from a file with a problem, naming every bad line', async () => {
  const { env } = await makeEnv();
  const result = await readers(['import', '-'], env, 'ada@example.org,Ada,en\nnot-an-address,Bob,en\ncarol@example.org,Carol,xx\nada@example.org,Ada again,en\n');
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('stdin was not imported (nobody was added)');
  expect(result.stderr).toContain('line 2: "not-an-address" is not one email address');
  expect(result.stderr).toContain('line 3: language: no message table for "xx"');
  expect(result.stderr).toContain('line 4: ada@example.org is listed twice');
  expect(result.stderr).not.toContain('    at ');
  expect((await readers(['list'], env)).stdout).toBe('');
});

it('refuses a data folder inside the output folder, which would be published', async () => {
  const { env } = await makeEnv();
  const result = await readers(['add', 'ada@example.org'], { ...env, SUMMARIZE_DATA_DIR: join(env.SUMMARIZE_OUTPUT_DIR, 'data') });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('is inside the output folder');
});

it('says what it expected for a missing or unknown action', async () => {
  const { env } = await makeEnv();
  expect((await readers([], env)).stderr).toContain('readers: expected one of add, remove, list, import, export');
  expect((await readers(['list', '--votes'], env)).stderr).toContain('readers list: --votes does not apply here');
  expect((await readers(['explain', 'ada@example.org', '2509.08721', '--state', 'active'], env)).stderr).toContain('readers explain: --state does not apply here');
});
