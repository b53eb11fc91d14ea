import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeNightlyPapers, NIGHT, readLastRunReport } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices;

afterEach(async () => {
  await services?.close();
});

// Hugging Face lists a paper again the next day: 2509.10002 is on both lists.
const DAY_TWO = '2025-09-11';

async function startTwoDays() {
  const papers = await makeNightlyPapers(3);
  services = await startFakeServices(papers);
  services.hf.setDay(NIGHT, ['2509.10001', '2509.10002']);
  services.hf.setDay(DAY_TWO, ['2509.10002', '2509.10003']);
}

const nightly = (date: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) => runCliCaptured(['nightly', '--date', date, ...extra], { ...services.env, ...env });
const read = (...path: string[]) => readFile(join(services.outputDir, ...path), 'utf8');
const pdfPaths = () => services.arxiv.requests.filter((request) => request.path.startsWith('/pdf/')).map((request) => request.path);

describe('summarize nightly: no repeats', () => {
  it('lists a paper shown in full the day before under "Also on today\'s list", linking its brief, with no model call', async () => {
    await startTwoDays();
    expect((await nightly(NIGHT)).code).toBe(0);
    const callsAfterDayOne = services.openai.requests.length;

    const result = await nightly(DAY_TWO);

    expect(result.code).toBe(0);
    expect(services.openai.requests).toHaveLength(callsAfterDayOne + 1);
    expect(pdfPaths().filter((path) => path.startsWith('/pdf/2509.10002'))).toHaveLength(1);
    expect(result.stderr).toMatch(/1 paper on the list was shown in full in an earlier edition/);

    const index = JSON.parse(await read('digests', `${DAY_TWO}.json`));
    expect(index.papers.map((paper: { id: string }) => paper.id)).toEqual(['2509.10003']);
    expect(index.repeats).toEqual([{ id: '2509.10002', version: 1, title: 'Nightly Paper 2', firstShown: NIGHT }]);

    const markdown = await read('digests', `${DAY_TWO}.md`);
    expect(markdown).toContain('## Also on today\'s list');
    expect(markdown).toContain(`- [Nightly Paper 2](../papers/2509.10002v1.md), first shown in the edition of [${NIGHT}](${NIGHT}.md)`);
    expect(markdown.match(/^## Paper \d/gm)).toHaveLength(1);

    const web = await read('digests', `${DAY_TWO}.html`);
    expect(web).toContain('1 paper · 1 more on the list, shown in an earlier edition ·');
    expect(web).toContain('<h2>Also on today&#39;s list</h2>');
    expect(web).toContain(`<a href="../papers/2509.10002v1.html">Nightly Paper 2</a>`);
    expect(web).toContain(`<a href="${NIGHT}.html">${NIGHT}</a>`);
    expect(web.match(/<article class="card" id="paper-\d+">/g)).toHaveLength(1);

    const emailText = await read('digests', `${DAY_TWO}.txt`);
    expect(emailText).toContain('1 paper, each in five points. 1 more on the list was in an earlier edition.');
    expect(emailText).toContain("Also on today's list");
    expect(emailText).toMatch(/Nightly Paper 2\n {3}https:\/\/arxiv\.org\/abs\/2509\.10002v1 \(first shown 2025-09-10\)/);
    expect(await read('digests', `${DAY_TWO}.email.html`)).toContain('Also on today&#39;s list');

    const report = await readLastRunReport(services.outputDir);
    expect(report.papers.map((paper) => [paper.id, paper.outcome])).toEqual([
      ['2509.10002', 'not-selected'],
      ['2509.10003', 'summarized'],
    ]);
    expect(report.papers[0]!.reason).toBe(`shown in full in the edition of ${NIGHT}; listed under "Also on today's list"`);

    // `summarize digest` rebuilds the day as it was published.
    const before = await read('digests', `${DAY_TWO}.html`);
    expect((await runCliCaptured(['digest', '--date', DAY_TWO], services.env)).code).toBe(0);
    expect(await read('digests', `${DAY_TWO}.html`)).toBe(before);
  });

  it("never counts a day's own papers as repeats when that day is made again", async () => {
    await startTwoDays();
    expect((await nightly(NIGHT)).code).toBe(0);
    expect((await nightly(DAY_TWO)).code).toBe(0);

    expect((await nightly(NIGHT, ['--force'])).code).toBe(0);
    const index = JSON.parse(await read('digests', `${NIGHT}.json`));
    expect(index.papers.map((paper: { id: string }) => paper.id)).toEqual(['2509.10001', '2509.10002']);
    expect(index.repeats).toBeUndefined();

    // The second day again: still the same edition.
    const dayTwo = await read('digests', `${DAY_TWO}.json`);
    expect((await nightly(DAY_TWO)).code).toBe(0);
    expect(await read('digests', `${DAY_TWO}.json`)).toBe(dayTwo);
  });

  it('shows the paper in full again with --repeat (or SUMMARIZE_REPEAT=1), reusing its brief', async () => {
    await startTwoDays();
    expect((await nightly(NIGHT)).code).toBe(0);
    const callsAfterDayOne = services.openai.requests.length;

    expect((await nightly(DAY_TWO, ['--repeat'])).code).toBe(0);

    expect(services.openai.requests).toHaveLength(callsAfterDayOne + 1);
    const index = JSON.parse(await read('digests', `${DAY_TWO}.json`));
    expect(index.papers.map((paper: { id: string }) => paper.id)).toEqual(['2509.10002', '2509.10003']);
    expect(index.repeats).toBeUndefined();
    expect(await read('digests', `${DAY_TWO}.md`)).not.toContain('Also on today');

    expect((await nightly(DAY_TWO, [], { SUMMARIZE_REPEAT: '1' })).code).toBe(0);
    expect(JSON.parse(await read('digests', `${DAY_TWO}.json`)).papers).toHaveLength(2);
  });

  it('publishes nothing on a day whose papers were all shown before, and says so', async () => {
    await startTwoDays();
    services.hf.setDay(DAY_TWO, ['2509.10001']);
    expect((await nightly(NIGHT)).code).toBe(0);

    const result = await nightly(DAY_TWO);

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/the papers chosen from the list of 2025-09-11 were all shown in full in earlier editions; no edition for 2025-09-11 \(--repeat shows them again\)/);
    await expect(read('digests', `${DAY_TWO}.json`)).rejects.toThrow();
  });

  it('gives a repeat no place in --top: the top N are new papers, a repeat ranked among them is listed', async () => {
    const papers = await makeNightlyPapers(4);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, [{ id: '2509.10001', upvotes: 50 }]);
    services.hf.setDay(DAY_TWO, [
      { id: '2509.10001', upvotes: 40 },
      { id: '2509.10002', upvotes: 30 },
      { id: '2509.10003', upvotes: 20 },
      { id: '2509.10004', upvotes: 10 },
    ]);
    expect((await nightly(NIGHT)).code).toBe(0);

    expect((await nightly(DAY_TWO, ['--top', '2'])).code).toBe(0);

    const index = JSON.parse(await read('digests', `${DAY_TWO}.json`));
    expect(index.papers.map((paper: { id: string }) => paper.id)).toEqual(['2509.10002', '2509.10003']);
    expect(index.repeats.map((paper: { id: string }) => paper.id)).toEqual(['2509.10001']);
    const report = await readLastRunReport(services.outputDir);
    expect(report.papers.map((paper) => [paper.id, paper.outcome])).toEqual([
      ['2509.10001', 'not-selected'],
      ['2509.10002', 'summarized'],
      ['2509.10003', 'summarized'],
      ['2509.10004', 'not-selected'],
    ]);
    expect(report.ranking).toMatchObject({ selected: 2 });
  });
});
