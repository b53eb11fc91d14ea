import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeNightlyPapers, NIGHT } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

// A past day after the first edition, with no edition of its own yet.
const DAY_TWO = '2025-09-11';
let services: FakeServices;

beforeEach(async () => {
  const papers = await makeNightlyPapers(3);
  services = await startFakeServices(papers);
  services.hf.setDay(NIGHT, ['2509.10001', '2509.10002']);
  expect((await runCliCaptured(['nightly', '--date', NIGHT], services.env)).code).toBe(0);
});
afterEach(async () => {
  await services.close();
});

const readIndex = async (date: string) => JSON.parse(await readFile(join(services.outputDir, 'digests', `${date}.json`), 'utf8'));

describe('summarize nightly --ids-file: the IDs the user asked for', () => {
  it('shows every listed paper in full, even one shown in an earlier edition, and never calls the day "today"', async () => {
    const idsFile = join(services.outputDir, '..', 'ids.txt');
    await writeFile(idsFile, '2509.10001\n2509.10003\n');

    const result = await runCliCaptured(['nightly', '--date', DAY_TWO, '--ids-file', idsFile], services.env);

    expect(result.code).toBe(0);
    const index = await readIndex(DAY_TWO);
    expect(index.papers.map((paper: { id: string }) => paper.id)).toEqual(['2509.10001', '2509.10003']);
    expect(index.repeats).toBeUndefined();
    expect(result.stderr).not.toContain('shown in full in an earlier edition');
    expect(result.stderr).not.toContain('today');
  });

  it('makes an edition of papers that were all shown before, from standard input too', async () => {
    const result = await runCliCaptured(['nightly', '--date', DAY_TWO, '--ids-file', '-'], services.env, '2509.10001\n2509.10002\n');

    expect(result.code).toBe(0);
    expect((await readIndex(DAY_TWO)).papers.map((paper: { id: string }) => paper.id)).toEqual(['2509.10001', '2509.10002']);
    expect(result.stderr).not.toContain('no edition');
  });

  it('names the file, not the weekend, when it lists no ID', async () => {
    const idsFile = join(services.outputDir, '..', 'ids.txt');
    await writeFile(idsFile, '# nothing yet\n');

    const result = await runCliCaptured(['nightly', '--date', DAY_TWO, '--ids-file', idsFile], services.env);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${idsFile} lists no arXiv ID; no edition for ${DAY_TWO}`);
    expect(result.stderr).not.toContain('weekend');
  });
});

describe('summarize nightly on a past day whose list was all shown before', () => {
  it('says there is no edition for that day, not "no edition today"', async () => {
    services.hf.setDay(DAY_TWO, ['2509.10001']);

    const result = await runCliCaptured(['nightly', '--date', DAY_TWO], services.env);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`the papers chosen from the list of ${DAY_TWO} were all shown in full in earlier editions; no edition for ${DAY_TWO} (--repeat shows them again)`);
    expect(result.stderr).not.toContain('today');
  });
});
