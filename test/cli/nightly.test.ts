import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BriefSchema } from '../../src/brief/brief-schema.js';
import { acquireRunLock } from '../../src/run/acquire-run-lock.js';
import { groundedBriefResponder } from '../helpers/brief-responder.js';
import { makeNightlyPapers, NIGHT, outcomeLines, readLastRunReport, readRunReports } from '../helpers/nightly-papers.js';
import { makePaperPdf } from '../helpers/paper-pdf.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices;

afterEach(async () => {
  await services?.close();
});

const pdfRequests = () => services.arxiv.requests.filter((request) => request.path.startsWith('/pdf/'));
const apiRequests = () => services.arxiv.requests.filter((request) => request.path.startsWith('/api/'));
const nightly = (extra: string[] = [], env: NodeJS.ProcessEnv = {}) => runCliCaptured(['nightly', '--date', NIGHT, ...extra], { ...services.env, ...env });

describe('summarize nightly', () => {
  it('summarizes the day in a pipeline through one polite connection, with a digest and a run report', async () => {
    const papers = await makeNightlyPapers(8);
    services = await startFakeServices(papers, { latencyMs: 200 });
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    // The seventh PDF is slow to come, as real ones are: the model must not wait for it.
    services.arxiv.failNext('/pdf/2509.10007', { delayMs: 1000 });

    const result = await nightly([], { ARXIV_MIN_INTERVAL_MS: '100' });

    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);
    // Metadata: one API request for all eight IDs; then the PDFs, in the list's order.
    expect(apiRequests()).toHaveLength(1);
    expect(apiRequests()[0]!.query.id_list!.split(',')).toHaveLength(8);
    expect(pdfRequests().map((request) => request.path)).toEqual(papers.map((paper) => `/pdf/${paper.id}v1`));
    // One kept-alive connection, every request at least the interval after the previous one, as arXiv sees it.
    expect(new Set(services.arxiv.requests.map((request) => request.remotePort)).size).toBe(1);
    const starts = services.arxiv.requests.map((request) => request.startedAt);
    for (let index = 1; index < starts.length; index++) expect(starts[index]! - starts[index - 1]!).toBeGreaterThanOrEqual(100);
    // Pipelined: the model was already working while PDFs were still being requested.
    const firstLlmCall = Math.min(...services.openai.requests.map((request) => request.receivedAt));
    expect(firstLlmCall).toBeLessThan(pdfRequests().at(-1)!.startedAt);
    expect(services.openai.requests).toHaveLength(8);

    // Non-TTY progress: one line per paper, naming it.
    const lines = outcomeLines(result.stderr, 'summarized');
    expect(lines).toHaveLength(8);
    for (const paper of papers) expect(lines.filter((line) => line.includes(`${paper.id}v1`))).toHaveLength(1);

    const report = await readLastRunReport(services.outputDir);
    expect(report).toMatchObject({ command: 'nightly', date: NIGHT, status: 'completed', outcome: 'done', source: { kind: 'hf', empty: false } });
    expect(report.papers.map((paper) => [paper.id, paper.outcome])).toEqual(papers.map((paper) => [paper.id, 'summarized']));
    expect(report.totals).toMatchObject({ papers: 8, summarized: 8, skipped: 0, failed: 0, notStarted: 0, costUnknown: false });
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    expect(report.totals.inputTokens).toBe(sum(report.papers.map((paper) => paper.usage!.inputTokens)));
    expect(report.totals.costUsd).toBeGreaterThan(0);
    expect(report.totals.costUsd).toBeCloseTo(sum(report.papers.map((paper) => paper.costUsd ?? 0)), 6);
    expect(report.digest).toEqual({ path: join(services.outputDir, 'digests', `${NIGHT}.md`), papers: 8 });

    // Each brief validates and says what it cost; the digest lists them in the source's order.
    for (const paper of papers) {
      const brief = BriefSchema.parse(JSON.parse(await readFile(join(services.outputDir, 'papers', `${paper.id}v1.json`), 'utf8')));
      expect(report.papers.find((run) => run.id === paper.id)!.costUsd).toBe(brief.generation.costUsd);
    }
    const digest = await readFile(join(services.outputDir, 'digests', `${NIGHT}.md`), 'utf8');
    const titles = [...digest.matchAll(/^### (.+)$/gm)].map((match) => match[1]);
    expect(titles).toEqual(papers.map((paper) => paper.title));
    expect(existsSync(join(services.outputDir, '.summarize.lock'))).toBe(false);
  });

  it('skips on a second run without downloading or calling the model, and summarizes a new version again', async () => {
    const papers = await makeNightlyPapers(3);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    expect((await nightly()).code).toBe(0);
    const digestBefore = await readFile(join(services.outputDir, 'digests', `${NIGHT}.md`), 'utf8');
    const [pdfsBefore, callsBefore] = [pdfRequests().length, services.openai.requests.length];

    const again = await nightly();
    expect(again.code).toBe(0);
    expect(pdfRequests()).toHaveLength(pdfsBefore);
    expect(services.openai.requests).toHaveLength(callsBefore);
    expect(outcomeLines(again.stderr, 'skipped')).toHaveLength(3);
    const skippedRun = await readLastRunReport(services.outputDir);
    expect(skippedRun.papers.map((paper) => paper.outcome)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(skippedRun.totals).toMatchObject({ skipped: 3, costUsd: 0 });
    expect(await readFile(join(services.outputDir, 'digests', `${NIGHT}.md`), 'utf8')).toBe(digestBefore);

    // arXiv announces version 2 of the second paper: only that one is fetched and summarized.
    services.arxiv.addPaper({ ...papers[1]!, version: 2, pdf: await makePaperPdf('Nightly Paper 2, revised') });
    const revised = await nightly();
    expect(revised.code).toBe(0);
    expect(pdfRequests().slice(pdfsBefore).map((request) => request.path)).toEqual(['/pdf/2509.10002v2']);
    expect(services.openai.requests).toHaveLength(callsBefore + 1);
    expect((await readLastRunReport(services.outputDir)).papers.map((paper) => [paper.id, paper.version, paper.outcome])).toEqual([
      ['2509.10001', 1, 'skipped'],
      ['2509.10002', 2, 'summarized'],
      ['2509.10003', 1, 'skipped'],
    ]);
    const index = JSON.parse(await readFile(join(services.outputDir, 'digests', `${NIGHT}.json`), 'utf8'));
    expect(index.papers.map((paper: { id: string; version: number }) => `${paper.id}v${paper.version}`)).toEqual(['2509.10001v1', '2509.10002v2', '2509.10003v1']);
  });

  it("goes on when one paper's PDF is an HTML page and another's model answers stay garbage: exit 3, both reported", async () => {
    const papers = await makeNightlyPapers(3);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    services.arxiv.failNext('/pdf/2509.10002', { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>PDF being generated</html>' }, 5);
    // The third paper's model answer never parses, however often it is asked.
    services.openai.setResponder((body) =>
      JSON.stringify(body.messages).includes('Nightly Paper 3') ? { content: 'Sorry, I cannot help with that.' } : groundedBriefResponder(body),
    );

    const result = await nightly();

    expect(result.code).toBe(3);
    expect(outcomeLines(result.stderr, 'summarized')).toHaveLength(1);
    expect(outcomeLines(result.stderr, 'failed')).toHaveLength(2);
    const report = await readLastRunReport(services.outputDir);
    expect(report.outcome).toBe('partial');
    expect(report.totals).toMatchObject({ summarized: 1, failed: 2 });
    const [first, second, third] = report.papers;
    expect(first).toMatchObject({ id: '2509.10001', outcome: 'summarized' });
    expect(second).toMatchObject({ id: '2509.10002', outcome: 'failed', stage: 'download' });
    expect(second!.reason).toMatch(/HTML/);
    expect(third).toMatchObject({ id: '2509.10003', outcome: 'failed', stage: 'generate' });
    expect(third!.reason).toMatch(/2509\.10003/);
    // What the failed calls cost is still counted.
    expect(third!.usage!.inputTokens).toBeGreaterThan(0);
    const written = await readdir(join(services.outputDir, 'papers'));
    expect(written).toEqual(expect.arrayContaining(['2509.10001v1.json', '2509.10001v1.md']));
    expect(written.filter((name) => !name.startsWith('2509.10001v1.'))).toEqual([]);
    const digest = await readFile(join(services.outputDir, 'digests', `${NIGHT}.md`), 'utf8');
    expect(digest).toContain('### Nightly Paper 1');
    expect(digest).not.toContain('Nightly Paper 2');
    expect(digest).not.toContain('Nightly Paper 3');
  });

  it('asks arXiv for no more PDFs once it answers 403, and finishes the papers it has', async () => {
    const papers = await makeNightlyPapers(4);
    services = await startFakeServices(papers, { latencyMs: 100 });
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    services.arxiv.failNext('/pdf/2509.10002', { status: 403, body: 'Forbidden' });

    const result = await nightly();

    expect(result.code).toBe(3);
    expect(result.stderr).toContain('error: arXiv refused the request');
    expect(pdfRequests().map((request) => request.path)).toEqual(['/pdf/2509.10001v1', '/pdf/2509.10002v1']);
    const report = await readLastRunReport(services.outputDir);
    expect(report.papers.map((paper) => paper.outcome)).toEqual(['summarized', 'failed', 'not-started', 'not-started']);
    expect(report).toMatchObject({ status: 'stopped', stopReason: 'arxiv-refused', outcome: 'partial' });
    expect(report.papers[1]!.reason).toMatch(/HTTP 403/);
    expect(report.papers[3]!.reason).toMatch(/arXiv refused/);
  });

  it('under a day-long 429 asks arXiv for no more PDFs: the untouched papers are not-started, every failure has a stage', async () => {
    const papers = await makeNightlyPapers(4);
    services = await startFakeServices(papers, { latencyMs: 100 });
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    services.arxiv.failNext('/pdf/2509.10002', { status: 429, headers: { 'retry-after': '86400' }, body: 'Too Many Requests' });

    const result = await nightly();

    expect(result.code).toBe(3);
    expect(pdfRequests().map((request) => request.path)).toEqual(['/pdf/2509.10001v1', '/pdf/2509.10002v1']);
    const report = await readLastRunReport(services.outputDir);
    expect(report.papers.map((paper) => paper.outcome)).toEqual(['summarized', 'failed', 'not-started', 'not-started']);
    expect(report.papers[1]).toMatchObject({ stage: 'download' });
    expect(report.papers[1]!.reason).toMatch(/HTTP 429/);
    expect(report.papers[3]!.reason).toMatch(/arXiv asked us to wait/);
    expect(report).toMatchObject({ status: 'stopped', stopReason: 'arxiv-refused' });
  });

  it('with --quiet prints only the failures', async () => {
    const papers = await makeNightlyPapers(2);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    services.arxiv.failNext('/pdf/2509.10002', { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>oops</html>' }, 5);

    const result = await nightly(['--quiet']);

    expect(result.code).toBe(3);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/failed 2509\.10002v1 .*HTML/);
  });

  it('stops starting papers once spend plus the next estimate would pass --max-cost', async () => {
    const papers = await makeNightlyPapers(5);
    // Slow enough that the later papers wait for the model, which takes them in the list's order.
    services = await startFakeServices(papers, { latencyMs: 300 });
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    // Every call costs what the estimate expects (3,000 output tokens): about $0.0065 with gpt-5-mini.
    services.openai.setResponder((body) => ({ ...groundedBriefResponder(body), usage: { prompt_tokens: 1500, completion_tokens: 3000 } }));

    const result = await nightly(['--max-cost', '0.015'], { SUMMARIZE_LLM_CONCURRENCY: '1' });

    expect(result.code).toBe(3);
    expect(services.openai.requests).toHaveLength(2);
    const report = await readLastRunReport(services.outputDir);
    expect(report.status).toBe('budget-stopped');
    expect(report.options.maxCostUsd).toBe(0.015);
    expect(report.papers.map((paper) => paper.outcome)).toEqual(['summarized', 'summarized', 'not-started', 'not-started', 'not-started']);
    for (const paper of report.papers.slice(2)) expect(paper.reason).toMatch(/--max-cost/);
    expect(report.totals.costUsd).toBeLessThanOrEqual(0.015);
    expect((await readFile(join(services.outputDir, 'digests', `${NIGHT}.md`), 'utf8')).match(/^## Paper \d+$/gm)).toHaveLength(2);
  });

  it('--dry-run prints papers, tokens and estimated cost without calling the model or writing a brief', async () => {
    const papers = await makeNightlyPapers(2);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));

    const result = await nightly(['--dry-run']);

    expect(result.code).toBe(0);
    expect(services.openai.requests).toHaveLength(0);
    expect(result.stdout).toContain('no LLM call was made');
    const rows = result.stdout.split('\n').filter((line) => /^\| 2509\.1000\dv1 /.test(line));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const cells = row.split('|').map((cell) => cell.trim());
      // | paper | pages | input tokens | map-reduce | estimated cost |
      expect(Number(cells[2])).toBe(2);
      expect(Number(cells[3])).toBeGreaterThan(300);
      expect(cells[5]).toMatch(/^\$0\.\d{4}$/);
    }
    expect(result.stdout).toMatch(/Total: 2 papers, estimated \$0\.\d{4}/);
    expect(existsSync(join(services.outputDir, 'papers'))).toBe(false);
    expect(existsSync(join(services.outputDir, 'digests'))).toBe(false);
    const report = await readLastRunReport(services.outputDir);
    expect(report.options.dryRun).toBe(true);
    expect(report.totals).toMatchObject({ notStarted: 2, costUsd: 0 });
  });

  it('refuses a second run on an output folder whose lock is held, with exit 1 and the holder', async () => {
    const papers = await makeNightlyPapers(1);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    const lock = await acquireRunLock(services.outputDir, { command: 'nightly (the other run)' });
    try {
      const result = await nightly();
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`another summarize run (pid ${process.pid}`);
      expect(result.stderr).toContain(`holds ${join(services.outputDir, '.summarize.lock')}; wait for it to finish`);
      expect(services.hf.requests).toHaveLength(0);
      expect(services.arxiv.requests).toHaveLength(0);
      expect(existsSync(join(services.outputDir, 'runs'))).toBe(false);
    } finally {
      await lock.release();
    }
    expect((await nightly()).code).toBe(0);
    expect(await readRunReports(services.outputDir)).toHaveLength(1);
  });

  it('exits 1 with one clear line, before any request, when the cache folder cannot be written', async () => {
    const papers = await makeNightlyPapers(1);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    const blocker = join(services.outputDir, '..', 'a-file');
    await writeFile(blocker, 'not a folder\n');

    const result = await nightly([], { SUMMARIZE_CACHE_DIR: join(blocker, 'cache') });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^summarize: cannot create .*a-file\/cache: part of the path is a file, not a folder; .*SUMMARIZE_CACHE_DIR to a folder this user can write\n$/);
    expect(services.hf.requests).toHaveLength(0);
    expect(services.arxiv.requests).toHaveLength(0);
    expect(existsSync(join(services.outputDir, '.summarize.lock'))).toBe(false);
  });
});
