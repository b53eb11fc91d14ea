import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeNightlyPapers, NIGHT, outcomeLines, readLastRunReport } from '../helpers/nightly-papers.js';
import { makePaperPdf } from '../helpers/paper-pdf.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices;

afterEach(async () => {
  await services?.close();
});

const pdfPaths = () => services.arxiv.requests.filter((request) => request.path.startsWith('/pdf/')).map((request) => request.path);
const apiRequests = () => services.arxiv.requests.filter((request) => request.path.startsWith('/api/'));

describe('summarize nightly: where the day’s papers come from', () => {
  it('marks a withdrawn version as withdrawn: no PDF, no model call, not in the edition', async () => {
    const [kept, withdrawn] = await makeNightlyPapers(2);
    services = await startFakeServices([kept!, { ...withdrawn!, comment: 'This paper has been withdrawn by the author due to an error in the proof' }]);
    services.hf.setDay(NIGHT, [kept!.id, withdrawn!.id]);

    const result = await runCliCaptured(['nightly', '--date', NIGHT], services.env);

    expect(result.code).toBe(0);
    expect(pdfPaths()).toEqual([`/pdf/${kept!.id}v1`]);
    expect(services.openai.requests).toHaveLength(1);
    const report = await readLastRunReport(services.outputDir);
    expect(report.papers.find((paper) => paper.id === withdrawn!.id)).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/^withdrawn by its authors on arXiv: "This paper has been withdrawn/) });
    expect(existsSync(join(services.outputDir, 'papers', `${withdrawn!.id}v1.json`))).toBe(false);
  });

  it('reports an empty Hugging Face day as empty-source with a clear line, exit 0', async () => {
    services = await startFakeServices();
    services.hf.setDay(NIGHT, []);

    const result = await runCliCaptured(['nightly', '--date', NIGHT], services.env);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning: the source listed no papers for ${NIGHT}`);
    expect(services.hf.requests.map((request) => request.query.date)).toEqual([NIGHT]);
    expect(services.arxiv.requests).toHaveLength(0);
    const report = await readLastRunReport(services.outputDir);
    expect(report).toMatchObject({ status: 'empty-source', outcome: 'done', source: { kind: 'hf', empty: true }, totals: { papers: 0 } });
  });

  it.each([
    ['malformed JSON', { status: 200, body: '[{"paper": {"id": "2509.10001"' }, /not JSON/],
    ['HTTP 500', { status: 500, body: '{"error":"Internal Error"}' }, /answered HTTP 500/],
  ])('exits 1 with a clear message when Hugging Face answers %s', async (_, answer, message) => {
    services = await startFakeServices();
    services.hf.setDay(NIGHT, answer);

    const result = await runCliCaptured(['nightly', '--date', NIGHT], services.env);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain(`${services.hf.url}?date=${NIGHT}`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(services.arxiv.requests).toHaveLength(0);
    expect(existsSync(join(services.outputDir, '.summarize.lock'))).toBe(false);
  });

  it('lists an arXiv category for the day with --source arxiv, metadata and all in the listing', async () => {
    const [onTheDay, otherCategory, dayBefore] = await makeNightlyPapers(3);
    services = await startFakeServices([
      onTheDay!,
      { ...otherCategory!, categories: ['math.GT'] },
      { ...dayBefore!, published: '2025-09-09T12:00:00Z' },
    ]);

    const result = await runCliCaptured(['nightly', '--source', 'arxiv', '--category', 'cs.LG', '--date', NIGHT], services.env);

    expect(result.code).toBe(0);
    expect(apiRequests()).toHaveLength(1);
    expect(apiRequests()[0]!.query.search_query).toBe('(cat:cs.LG) AND submittedDate:[202509100000 TO 202509102359]');
    expect(pdfPaths()).toEqual([`/pdf/${onTheDay!.id}v1`]);
    const report = await readLastRunReport(services.outputDir);
    expect(report.source).toMatchObject({ kind: 'arxiv', empty: false });
    expect(report.papers.map((paper) => [paper.id, paper.outcome])).toEqual([[onTheDay!.id, 'summarized']]);
  });

  it('reads --ids-file with comments, reports a bad line and an unknown paper, and collapses duplicates and versions', async () => {
    const [first, second] = await makeNightlyPapers(2);
    services = await startFakeServices([
      { ...first!, version: 2, pdf: await makePaperPdf('Nightly Paper 1') },
      { ...second!, version: 2, pdf: await makePaperPdf('Nightly Paper 2') },
    ]);
    const idsFile = join(services.outputDir, '..', 'today.txt');
    await writeFile(
      idsFile,
      [
        "# tonight's reading",
        '2509.10001',
        'https://arxiv.org/abs/2509.10002v1   # the first version, on purpose',
        '',
        'not-an-id',
        'arXiv:2509.10001v2',
        '2509.10002v1',
        '2509.19999',
      ].join('\n'),
    );

    const result = await runCliCaptured(['nightly', '--date', NIGHT, '--ids-file', idsFile], services.env);

    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/failed not-an-id .*line 5: .*is not an arXiv ID/);
    expect(result.stderr).toMatch(/failed 2509\.19999 .*not found on arXiv/);
    // One API request for the three distinct papers; the asked versions win.
    expect(apiRequests()).toHaveLength(1);
    expect(apiRequests()[0]!.query.id_list!.split(',').sort()).toEqual(['2509.10001v2', '2509.10002v1', '2509.19999']);
    expect(pdfPaths()).toEqual(['/pdf/2509.10001v2', '/pdf/2509.10002v1']);
    const report = await readLastRunReport(services.outputDir);
    expect(report.source).toEqual({ kind: 'file', detail: idsFile, empty: false });
    expect(report.papers.map((paper) => [paper.id, paper.version, paper.outcome])).toEqual([
      ['2509.10001', 2, 'summarized'],
      ['2509.10002', 1, 'summarized'],
      ['2509.19999', undefined, 'failed'],
      ['not-an-id', undefined, 'failed'],
    ]);
    expect(report.papers[2]).toMatchObject({ stage: 'metadata' });
    expect(report.papers[3]).toMatchObject({ stage: 'metadata', reason: expect.stringMatching(/^line 5: "not-an-id" is not an arXiv ID/) });
  });

  it('fails the run (exit 3) on a line that is no arXiv ID, even with --quiet, and lists it in the report', async () => {
    const papers = await makeNightlyPapers(1);
    services = await startFakeServices(papers);

    const result = await runCliCaptured(['nightly', '--date', NIGHT, '--ids-file', '-', '--quiet'], services.env, `${papers[0]!.id}\n2509.1000l\n`);

    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/failed 2509\.1000l .*line 2: "2509\.1000l" is not an arXiv ID/);
    const report = await readLastRunReport(services.outputDir);
    expect(report).toMatchObject({ status: 'completed', outcome: 'partial', source: { empty: false }, totals: { summarized: 1, failed: 1 } });
    expect(report.papers[1]).toMatchObject({ id: '2509.1000l', outcome: 'failed', stage: 'metadata' });
  });

  it('reads the IDs from standard input with --ids-file -', async () => {
    const papers = await makeNightlyPapers(2);
    services = await startFakeServices(papers);

    const result = await runCliCaptured(['nightly', '--date', NIGHT, '--ids-file', '-'], services.env, `${papers[1]!.id}\n${papers[0]!.id}\n${papers[1]!.id}\n`);

    expect(result.code).toBe(0);
    expect(outcomeLines(result.stderr, 'summarized')).toHaveLength(2);
    const report = await readLastRunReport(services.outputDir);
    expect(report.source).toMatchObject({ kind: 'stdin', detail: 'standard input' });
    expect(report.papers.map((paper) => paper.id)).toEqual([papers[1]!.id, papers[0]!.id]);
  });
});
