import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSet } from '../../src/output/write-file-set.js';
import { removeAbandonedTemporaryFiles } from '../../src/run/remove-abandoned-temporary-files.js';

const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));
const CRASH_SCRIPT = fileURLToPath(new URL('../helpers/crash-file-set.ts', import.meta.url));
const NAMES = ['2025-09.md', '2025-09.html', '2025-09.email.html', '2025-09.txt', '2025-09.json'];

let outputDir: string;
let issuesDir: string;
beforeEach(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'arxiv-brief-file-set-'));
  issuesDir = join(outputDir, 'issues');
  await writeFileSet(issuesDir, NAMES.map((name) => ({ name, data: `old ${name}` })));
});
afterEach(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

// A real process writes the new set and is killed (SIGKILL) after `renames` of its renames.
async function crashWhileWriting(renames: number): Promise<void> {
  const files = JSON.stringify(NAMES.map((name) => ({ name, data: `new ${name}` })));
  const child = spawn(process.execPath, ['--import', 'tsx', CRASH_SCRIPT, issuesDir, files, String(renames)], { cwd: PROJECT_DIR, stdio: 'inherit' });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, exitSignal) => resolve(exitSignal)));
  expect(signal).toBe('SIGKILL');
}

const readSet = () => Promise.all(NAMES.map((name) => readFile(join(issuesDir, name), 'utf8')));

describe('writeFileSet', () => {
  it('killed between two renames, leaves a set the next command finishes: every file new, no debris', async () => {
    await crashWhileWriting(2);
    // What the crash left: the first two files new, the record and the rest still old.
    expect(await readSet()).toEqual(['new 2025-09.md', 'new 2025-09.html', 'old 2025-09.email.html', 'old 2025-09.txt', 'old 2025-09.json']);

    await removeAbandonedTemporaryFiles(outputDir);

    expect(await readSet()).toEqual(NAMES.map((name) => `new ${name}`));
    expect((await readdir(issuesDir)).sort()).toEqual([...NAMES].sort());
  });

  it('killed once every file is staged but none renamed, the set is still made whole by the next command', async () => {
    await crashWhileWriting(0);
    expect(await readSet()).toEqual(NAMES.map((name) => `old ${name}`));

    await removeAbandonedTemporaryFiles(outputDir);

    expect(await readSet()).toEqual(NAMES.map((name) => `new ${name}`));
    expect((await readdir(issuesDir)).sort()).toEqual([...NAMES].sort());
  });

  it('a staged file left without its journal (a crash while staging) is debris, never put in place', async () => {
    await writeFile(join(issuesDir, '2025-09.md.999999999.abcd1234.tmp'), 'half of a new set');

    await removeAbandonedTemporaryFiles(outputDir, { isProcessAlive: () => false });

    expect(await readSet()).toEqual(NAMES.map((name) => `old ${name}`));
    expect((await readdir(issuesDir)).sort()).toEqual([...NAMES].sort());
  });
});
