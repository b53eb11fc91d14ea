import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';
import { storeEdition } from '../helpers/store-edition.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arxiv-brief-digest-date-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

it('`summarize digest --date today|yesterday` rebuilds the digest of that UTC day', async () => {
  const outputDir = join(root, 'output');
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  for (const [word, day] of [['today', today], ['yesterday', yesterday]] as const) {
    await storeEdition(outputDir, day, [makeSampleBrief()]);
    const markdown = join(outputDir, 'digests', `${day}.md`);
    const result = await runCliCaptured(['digest', '--date', word, '--out', outputDir], { PATH: process.env.PATH, HOME: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${day}.md`);
    expect(await readFile(markdown, 'utf8')).toContain(`# ${day} Papers`);
  }
  const bad = await runCliCaptured(['digest', '--date', 'tomorrow', '--out', outputDir], { PATH: process.env.PATH, HOME: root });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('expected YYYY-MM-DD (e.g. 2025-09-10), today or yesterday (UTC)');
});
