import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { announcementDay } from '../../src/arxiv/announcement-day.js';
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

describe('summarize nightly: an announcement feed that misbehaves', () => {
  const announced = ['nightly', '--source', 'arxiv', '--category', 'cs.LG'];
  const digestsFolder = () => join(services.outputDir, 'digests');

  it('skips one odd item (announce type no_match) with one warning and briefs the rest', async () => {
    const papers = await makeNightlyPapers(2);
    services = await startFakeServices(papers);
    services.arxiv.announce('2025-09-11', [
      { id: papers[0]!.id, type: 'new' },
      { id: papers[1]!.id, type: 'no_match' },
    ]);

    const result = await runCliCaptured(announced, services.env);

    expect(result.code).toBe(0);
    expect(result.stderr.match(/skipped item 2 \(2509\.10002\) .*unknown announce type "no_match"/g)).toHaveLength(1);
    expect(pdfPaths()).toEqual([`/pdf/${papers[0]!.id}v1`]);
    const report = await readLastRunReport(services.outputDir);
    expect(report).toMatchObject({ date: '2025-09-11', totals: { summarized: 1 } });
  });

  it('refuses a feed cut after its third </item>: exit 1, a report, nothing published', async () => {
    const papers = await makeNightlyPapers(4);
    services = await startFakeServices(papers);
    services.arxiv.announce('2025-09-11', papers.map((paper) => ({ id: paper.id, type: 'new' as const })));
    const whole = await (await fetch(`${services.arxiv.rssUrl}/cs.LG`)).text();
    services.arxiv.failNext('/rss/', { status: 200, headers: { 'content-type': 'application/rss+xml' }, body: `${whole.split('</item>', 3).join('</item>')}</item>\n` });

    const result = await runCliCaptured(announced, services.env);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/announcement feed .*\/rss\/cs\.LG is not well-formed XML/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(pdfPaths()).toHaveLength(0);
    expect(existsSync(digestsFolder())).toBe(false);
    expect(await readLastRunReport(services.outputDir)).toMatchObject({ outcome: 'failed' });
  });

  it.each([
    ['no pubDate', ''],
    ['an unreadable pubDate', 'sometime last week'],
  ])('dates a feed with %s by arXiv’s announcement schedule, with one warning', async (_, pubDate) => {
    const papers = await makeNightlyPapers(1);
    services = await startFakeServices(papers);
    services.arxiv.announce('2025-09-11', [{ id: papers[0]!.id, type: 'new' }], { pubDate });
    const before = announcementDay(new Date());

    const result = await runCliCaptured([...announced, '--dry-run'], services.env);

    const after = announcementDay(new Date());
    expect(result.code).toBe(0);
    expect(result.stderr.match(/has no readable pubDate; dated \d{4}-\d{2}-\d{2}, the day of arXiv's latest announcement/g)).toHaveLength(1);
    const report = await readLastRunReport(services.outputDir);
    expect([before, after]).toContain(report.date);
  });

  it('does not blame weekends for a quiet weekday with an empty channel', async () => {
    services = await startFakeServices([]);
    services.arxiv.announce('2025-09-11', []);

    const result = await runCliCaptured(announced, services.env);

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/arXiv announced no papers in cs\.LG for 2025-09-11 .*a quiet Thursday/);
    expect(result.stderr).not.toMatch(/weekend/);
    expect(await readLastRunReport(services.outputDir)).toMatchObject({ status: 'empty-source', date: '2025-09-11' });
  });
});
