import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakePaper } from '../fakes/fake-arxiv-server.js';
import { outcomeLines, readLastRunReport } from '../helpers/nightly-papers.js';
import { makePaperPdf } from '../helpers/paper-pdf.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices;

afterEach(async () => {
  await services?.close();
});

// The announcement of Thursday 2025-09-11 (papers submitted up to Wednesday 14:00 ET); the machine's clock is elsewhere.
const ANNOUNCED = '2025-09-11';

const PAPERS: FakePaper[] = [
  {
    id: '2509.10001',
    title: 'Sparse attention for retrieval over very long documents',
    abstract: 'We retrieve passages from very long documents with sparse attention and long context windows.',
    categories: ['cs.CL'],
    comment: '15 pages, accepted at NeurIPS 2025',
    doi: '10.1000/example.1',
  },
  { id: '2509.10002', title: 'Graph neural networks for molecule property prediction', abstract: 'Message passing over molecular graphs predicts chemical properties.' },
  {
    id: '2509.10003',
    title: 'A benchmark of long context retrieval for language models',
    abstract: 'We measure how language models retrieve facts from long documents in a new benchmark.',
  },
  { id: '2509.10004', title: 'Robot locomotion with long context retrieval of gaits', abstract: 'A robot retrieves gaits from long documents of motion.' },
  { id: '2509.10005', title: 'Cross-listed retrieval of long documents', abstract: 'Retrieval over long documents, cross-listed from cs.IR.', categories: ['cs.IR', 'cs.CL'] },
  { id: '2509.10006', version: 2, title: 'A replaced paper on optimizers', abstract: 'Adam and its variants, revised.' },
];

const ANNOUNCEMENT = [
  { id: '2509.10001', type: 'new' },
  { id: '2509.10002', type: 'new' },
  { id: '2509.10003', type: 'new' },
  { id: '2509.10004', type: 'new' },
  { id: '2509.10005', type: 'cross' },
  { id: '2509.10006', type: 'replace' },
] as const;

const INTERESTS = ['# what the newsletter is about', 'retrieval over very long documents', 'long context language models', '+benchmark', '-robot', ''].join('\n');

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(PROJECT_ROOT, 'bin', 'summarize.js');

const pdfPaths = () => services.arxiv.requests.filter((request) => request.path.startsWith('/pdf/')).map((request) => request.path);
const rssPaths = () => services.arxiv.requests.filter((request) => request.path.startsWith('/rss/')).map((request) => request.path);
const announced = ['nightly', '--source', 'arxiv', '--category', 'cs.LG', '--category', 'cs.CL'];

/** The papers with readable PDFs, plus any `more`. */
async function withPdfs(more: FakePaper[] = []): Promise<FakePaper[]> {
  return Promise.all([...PAPERS, ...more].map(async (paper) => ({ ...paper, pdf: await makePaperPdf(paper.title!) })));
}

async function startAnnouncing(): Promise<void> {
  services = await startFakeServices(await withPdfs());
  services.arxiv.announce(ANNOUNCED, [...ANNOUNCEMENT]);
}

async function writeInterests(text = INTERESTS): Promise<string> {
  const path = join(services.outputDir, '..', 'interests.txt');
  await writeFile(path, text);
  return path;
}

describe('summarize nightly: the announcement feed', () => {
  it('reads one feed for all categories, takes only new papers by default, and dates the edition by the announcement', async () => {
    await startAnnouncing();

    const result = await runCliCaptured(announced, services.env);

    expect(result.code).toBe(0);
    expect(rssPaths()).toEqual(['/rss/cs.LG+cs.CL']);
    // Metadata in one batch request, never one request per paper.
    const apiRequests = services.arxiv.requests.filter((request) => request.path === '/api/query');
    expect(apiRequests).toHaveLength(1);
    expect(apiRequests[0]!.query.id_list!.split(',').sort()).toEqual(['2509.10001v1', '2509.10002v1', '2509.10003v1', '2509.10004v1']);
    expect(pdfPaths().sort()).toEqual(['/pdf/2509.10001v1', '/pdf/2509.10002v1', '/pdf/2509.10003v1', '/pdf/2509.10004v1']);
    const report = await readLastRunReport(services.outputDir);
    expect(report.date).toBe(ANNOUNCED);
    expect(report.source).toMatchObject({ kind: 'arxiv-announced', empty: false });
    expect(existsSync(join(services.outputDir, 'digests', `${ANNOUNCED}.md`))).toBe(true);
    // arXiv's comment and DOI reach the brief and its markdown.
    const brief = JSON.parse(await readFile(join(services.outputDir, 'papers', '2509.10001v1.json'), 'utf8'));
    expect(brief.paper).toMatchObject({ comment: '15 pages, accepted at NeurIPS 2025', doi: '10.1000/example.1' });
    expect(await readFile(join(services.outputDir, 'papers', '2509.10001v1.md'), 'utf8')).toContain('Comment: 15 pages, accepted at NeurIPS 2025');
  });

  it('ranks by keywords with one warning on a dry run without an API key', async () => {
    await startAnnouncing();
    const interests = await writeInterests();
    const { OPENAI_API_KEY: _key, OPENAI_BASE_URL: _url, ...withoutKey } = services.env;

    const result = await runCliCaptured([...announced, '--interests', interests, '--top', '2', '--dry-run'], withoutKey);

    expect(result.code).toBe(0);
    expect(result.stderr.match(/no OPENAI_API_KEY or OPENAI_BASE_URL for embeddings: ranking by keywords \(BM25\) instead/g)).toHaveLength(1);
    expect(pdfPaths().sort()).toEqual(['/pdf/2509.10001v1', '/pdf/2509.10003v1']);
  });

  it('takes the announce types asked for with --announce new,cross', async () => {
    await startAnnouncing();

    const result = await runCliCaptured([...announced, '--announce', 'new,cross', '--dry-run'], services.env);

    expect(result.code).toBe(0);
    expect(pdfPaths()).toContain('/pdf/2509.10005v1');
    expect(pdfPaths()).not.toContain('/pdf/2509.10006v2');
    expect(pdfPaths()).toHaveLength(5);
  });

  it('ends an empty announcement (weekend, holiday) with one line, exit 0 and no edition', async () => {
    services = await startFakeServices(PAPERS);
    services.arxiv.announce('2025-09-13', []);

    const result = await runCliCaptured(announced, services.env);

    expect(result.code).toBe(0);
    expect(result.stderr.match(/arXiv announced no papers/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/2025-09-13 is a Saturday: arXiv announces nothing at weekends/);
    expect(services.arxiv.requests.map((request) => request.path)).toEqual(['/rss/cs.LG+cs.CL']);
    expect(existsSync(join(services.outputDir, 'digests'))).toBe(false);
    const report = await readLastRunReport(services.outputDir);
    expect(report).toMatchObject({ status: 'empty-source', outcome: 'done', date: '2025-09-13' });
  });

  it('a stale feed (the same announcement served again) publishes and mails nothing, with one warning and status stale-feed', async () => {
    await startAnnouncing();
    expect((await runCliCaptured(announced, services.env)).code).toBe(0);
    const edition = await readFile(join(services.outputDir, 'digests', `${ANNOUNCED}.json`), 'utf8');
    const calls = services.openai.requests.length;

    const again = await runCliCaptured(announced, services.env);
    expect(again.code).toBe(0);
    expect(again.stderr.match(/stale announcement feed: the feed is dated .*not newer than the edition of .*; nothing is published or mailed/g)).toHaveLength(1);
    expect(await readLastRunReport(services.outputDir)).toMatchObject({ status: 'stale-feed', outcome: 'done', totals: { papers: 0 } });
    expect(services.openai.requests.length).toBe(calls);
    expect(pdfPaths()).toHaveLength(4);
    expect(await readFile(join(services.outputDir, 'digests', `${ANNOUNCED}.json`), 'utf8')).toBe(edition);

    // An older copy with the same papers under a later date is stale too.
    services.arxiv.announce('2025-09-30', [...ANNOUNCEMENT]);
    const later = await runCliCaptured(announced, services.env);
    expect(later.stderr).toMatch(/stale announcement feed: all \d+ of its papers were in earlier editions/);
    expect(existsSync(join(services.outputDir, 'digests', '2025-09-30.json'))).toBe(false);
  });

  it('does not blame the weekend for a quiet weekday in a category', async () => {
    services = await startFakeServices(PAPERS);
    services.arxiv.announce('2025-09-10', []);
    const result = await runCliCaptured(announced, services.env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/arXiv announced no papers in cs\.LG, cs\.CL on Wednesday 2025-09-10 .*a quiet day in these categories \(or a holiday\); no edition for 2025-09-10/);
    expect(result.stderr).not.toMatch(/weekend/);
  });

  it('skips an odd item of the feed with a warning, and dates a feed without pubDate by arXiv\'s schedule', async () => {
    services = await startFakeServices(await withPdfs());
    services.arxiv.announce(ANNOUNCED, [...ANNOUNCEMENT]);
    const real = await (await fetch(`${services.arxiv.rssUrl}/cs.LG+cs.CL`)).text();
    const odd = real.replace(/<pubDate>[^<]*<\/pubDate>/, '').replace('</channel>', '<item><title>x</title><description>arXiv:2509.19999v1 Announce Type: no_match</description></item></channel>');
    services.arxiv.failNext('/rss/', { status: 200, headers: { 'content-type': 'application/rss+xml' }, body: odd });

    const result = await runCliCaptured(announced, services.env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: skipped item \d+ \(2509\.19999\): unknown announce type "no_match"/);
    expect(result.stderr).toMatch(/has no readable pubDate: the edition is dated \d{4}-\d{2}-\d{2}, the latest announcement by arXiv's schedule/);
    expect((await readLastRunReport(services.outputDir)).totals).toMatchObject({ summarized: 4, failed: 0 });
  });

  it('says so in one line when the announcement has none of the types asked for', async () => {
    services = await startFakeServices(await withPdfs());
    services.arxiv.announce(ANNOUNCED, [{ id: '2509.10006', type: 'replace' }]);

    const result = await runCliCaptured(announced, services.env);

    expect(result.code).toBe(0);
    expect(result.stderr.match(/is of type new .*--announce picks others/g)).toHaveLength(1);
    expect(result.stderr).not.toContain('arXiv announced no papers');
    expect(pdfPaths()).toHaveLength(0);
    expect(existsSync(join(services.outputDir, 'digests'))).toBe(false);
  });

  it('explains submitted and announced days, and the new flags, in --help', async () => {
    const result = await runCliCaptured(['--help'], {});
    expect(result.stdout).toMatch(/without --date: arXiv's latest announcement/);
    expect(result.stdout).toMatch(/submitted that day/);
    for (const flag of ['--announce TYPES', '--interests F', '--rank M', '--top N']) expect(result.stdout).toContain(flag);
  });

  it('makes a mistyped category a usage error naming it', async () => {
    await startAnnouncing();

    const result = await runCliCaptured(['nightly', '--source', 'arxiv', '--category', 'cs.LX'], services.env);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cs.LX');
    expect(result.stderr).toMatch(/Bad subject class 'LX'/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(pdfPaths()).toHaveLength(0);
  });

  it('ranks by keywords when the embeddings endpoint keeps failing (500), instead of losing the night', async () => {
    await startAnnouncing();
    services.openai.setEmbeddings({ status: 500, retryAfter: '0' });

    const result = await runCliCaptured([...announced, '--interests', await writeInterests(), '--top', '2'], services.env);

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/the embeddings request failed .*: ranking by keywords \(BM25\) instead/);
    expect((await readLastRunReport(services.outputDir)).ranking).toMatchObject({ scoring: 'keywords', selected: 2 });
  });

  it('ranks by keywords with one warning, and caches nothing, when the embeddings answer holds NaN', async () => {
    await startAnnouncing();
    services.openai.setEmbeddings({ broken: 'nan' });

    const result = await runCliCaptured([...announced, '--interests', await writeInterests(), '--top', '2'], services.env);

    expect(result.code).toBe(0);
    expect(result.stderr.match(/ranking by keywords \(BM25\) instead/g)).toHaveLength(1);
    expect((await readLastRunReport(services.outputDir)).ranking).toMatchObject({ scoring: 'keywords', selected: 2 });
    await expect(readdir(join(services.cacheDir, 'embeddings'))).rejects.toThrow();
  });

  it('ranks by keywords, and loses no paper, when the embeddings server answers a web page at 200', async () => {
    await startAnnouncing();
    services.openai.setEmbeddings({ broken: 'html' });

    const result = await runCliCaptured([...announced, '--interests', await writeInterests(), '--top', '2'], services.env);

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/the embeddings request failed \(the embeddings endpoint answered with HTML, not JSON: check OPENAI_BASE_URL.*\): ranking by keywords \(BM25\) instead/);
    expect(result.stderr).not.toMatch(/not iterable|internal error|\n\s+at /);
    expect((await readLastRunReport(services.outputDir)).ranking).toMatchObject({ scoring: 'keywords', selected: 2 });
    expect(pdfPaths()).toHaveLength(2);
  });

  it('stops at once on SIGTERM while the embeddings server hangs, with an interrupted report', async () => {
    await startAnnouncing();
    services.openai.setEmbeddings('hang');
    const child = spawn(process.execPath, [BIN, ...announced, '--interests', await writeInterests()], { cwd: process.cwd(), env: services.env, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 15_000;
    while (services.openai.embeddingRequests.length < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const killedAt = Date.now();
    child.kill('SIGTERM');

    expect(await exited).toBe(130);
    expect(Date.now() - killedAt).toBeLessThan(5_000);
    expect(await readLastRunReport(services.outputDir)).toMatchObject({ status: 'interrupted', outcome: 'interrupted', papers: [] });
    expect(pdfPaths()).toHaveLength(0);
  });

  it('leaves a failed report, with the reason, when the source cannot be read', async () => {
    await startAnnouncing();
    services.arxiv.failNext('/rss/', { status: 503, headers: { 'retry-after': '0' } }, 10);

    const result = await runCliCaptured(announced, services.env);

    expect(result.code).toBe(1);
    expect(await readLastRunReport(services.outputDir)).toMatchObject({ status: 'failed', outcome: 'failed', source: { kind: 'arxiv-announced' }, failure: expect.stringMatching(/503/) });
  });

  it('counts the embeddings against --max-cost: what they cost leaves less for the papers', async () => {
    await startAnnouncing();
    // Embeddings priced so they take most of a $0.02 budget, leaving too little for a brief.
    const prices = JSON.stringify({ 'text-embedding-3-small': { input: 100, output: 0 } });
    const result = await runCliCaptured([...announced, '--interests', await writeInterests(), '--max-cost', '0.02'], { ...services.env, SUMMARIZE_PRICES: prices });

    const report = await readLastRunReport(services.outputDir);
    const embeddingsUsd = report.ranking!.embeddings!.costUsd!;
    expect(embeddingsUsd).toBeGreaterThan(0.01);
    expect(embeddingsUsd).toBeLessThan(0.02);
    expect(report.status).toBe('budget-stopped');
    expect(result.code).toBe(3);
    expect(services.openai.requests).toHaveLength(0);
  });

  it('treats a feed that is not there (HTTP 404) as a source failure, not a typo', async () => {
    await startAnnouncing();
    services.arxiv.failNext('/rss/', { status: 404, body: 'Not Found' });

    const result = await runCliCaptured(['nightly', '--source', 'arxiv', '--category', 'cs.LG'], services.env);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('HTTP 404');
    expect(result.stderr).not.toContain('spelling');
  });

  it.each([
    [['--announce', 'new,fresh'], /unknown announcement type "fresh"/],
    [['--top', '0'], /--top takes a positive whole number/],
    [['--top=-3'], /--top takes a positive whole number/],
    [['--rank', 'interests'], /--rank interests needs an interests file/],
    [['--rank', 'stars'], /--rank must be one of interests, upvotes, source/],
  ])('refuses %j before any request (exit 2)', async (flags, message) => {
    await startAnnouncing();

    const result = await runCliCaptured([...announced, ...flags], services.env);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(services.arxiv.requests).toHaveLength(0);
  });
});

describe('summarize nightly: interests, ranking and --top', () => {
  it('summarizes only the two closest papers, drops the -term paper, and reports every candidate with rank, score and reason', async () => {
    await startAnnouncing();
    const interests = await writeInterests();

    const result = await runCliCaptured([...announced, '--interests', interests, '--top', '2'], services.env);

    expect(result.code).toBe(0);
    expect(outcomeLines(result.stderr, 'summarized')).toHaveLength(2);
    expect(result.stderr).toContain('ranked 4 candidates by interests (embeddings), 1 excluded; top 2 go on; 1 embeddings request, 0 from the cache');
    // No PDF for a paper not selected.
    expect(pdfPaths().sort()).toEqual(['/pdf/2509.10001v1', '/pdf/2509.10003v1']);
    expect(services.openai.requests).toHaveLength(2);
    expect(services.openai.embeddingRequests).toHaveLength(1);
    const report = await readLastRunReport(services.outputDir);
    expect(report.papers.map((paper) => [paper.id, paper.outcome, paper.ranking?.rank])).toEqual([
      ['2509.10003', 'summarized', 1],
      ['2509.10001', 'summarized', 2],
      ['2509.10002', 'not-selected', 3],
      ['2509.10004', 'not-selected', null],
    ]);
    expect(report.papers[0]!.ranking!.reason).toMatch(/^nearest interest: .*; boosted: benchmark$/);
    expect(report.papers[1]!.ranking!.reason).toBe('nearest interest: retrieval over very long documents');
    expect(report.papers[3]).toMatchObject({ reason: 'excluded: mentions robot', ranking: { reason: 'excluded: mentions robot' } });
    expect(report.papers[0]!.ranking!.score).toBeGreaterThan(report.papers[2]!.ranking!.score);
    expect(report.totals).toMatchObject({ summarized: 2, notSelected: 2 });
    expect(report.ranking).toMatchObject({ method: 'interests', scoring: 'embeddings', top: 2, candidates: 4, selected: 2, excluded: 1 });
    expect(report.ranking!.embeddings).toMatchObject({ model: 'text-embedding-3-small', requests: 1, embeddedTexts: 6 });
    expect(report.ranking!.embeddings!.costUsd).toBeGreaterThan(0);
    // The night's spend is every paid call: the two briefs and the embeddings (each rounded to a millionth of a dollar).
    const briefsUsd = report.papers.reduce((sum, paper) => sum + (paper.costUsd ?? 0), 0);
    expect(Math.abs(report.totals.costUsd - (briefsUsd + report.ranking!.embeddings!.costUsd!))).toBeLessThanOrEqual(3e-6);
    // The edition follows the rank.
    const digest = JSON.parse(await readFile(join(services.outputDir, 'digests', `${ANNOUNCED}.json`), 'utf8'));
    expect(digest.papers.map((paper: { id: string }) => paper.id)).toEqual(['2509.10003', '2509.10001']);

    // A rerun finds every embedding in the cache (--force: the same announcement again is otherwise a stale feed).
    const again = await runCliCaptured([...announced, '--interests', interests, '--top', '2', '--force'], services.env);
    expect(again.code).toBe(0);
    expect(services.openai.embeddingRequests).toHaveLength(1);
    expect((await readLastRunReport(services.outputDir)).ranking!.embeddings).toMatchObject({ requests: 0, cachedTexts: 6 });
  });

  it('ranks by keywords (BM25) with one warning when SUMMARIZE_EMBEDDING_MODEL=none', async () => {
    await startAnnouncing();
    const interests = await writeInterests();

    const result = await runCliCaptured([...announced, '--interests', interests, '--top', '2', '--dry-run'], { ...services.env, SUMMARIZE_EMBEDDING_MODEL: 'none' });

    expect(result.code).toBe(0);
    expect(result.stderr.match(/BM25/g)).toHaveLength(1);
    expect(services.openai.embeddingRequests).toHaveLength(0);
    expect(pdfPaths().sort()).toEqual(['/pdf/2509.10001v1', '/pdf/2509.10003v1']);
    const report = await readLastRunReport(services.outputDir);
    expect(report.ranking).toMatchObject({ scoring: 'keywords' });
    expect(report.papers[0]!.ranking!.reason).toMatch(/^matches: .*(retrieval|long)/);
  });

  it('falls back to keywords with one warning when the server has no embeddings endpoint', async () => {
    await startAnnouncing();
    services.openai.setEmbeddings({ status: 404 });
    const interests = await writeInterests();

    const result = await runCliCaptured([...announced, '--interests', interests, '--top', '2', '--dry-run'], services.env);

    expect(result.code).toBe(0);
    expect(result.stderr.match(/ranking by keywords \(BM25\) instead/g)).toHaveLength(1);
    expect(result.stderr).toContain('HTTP 404');
    expect(services.openai.embeddingRequests).toHaveLength(1);
    expect((await readLastRunReport(services.outputDir)).ranking).toMatchObject({ scoring: 'keywords', selected: 2 });
  });

  it('adds an example paper (an arXiv ID in the interests file) to the profile, looked up in the same metadata batch', async () => {
    services = await startFakeServices(
      await withPdfs([{ id: '2501.00001', title: 'Message passing on molecular graphs', abstract: 'Graph neural networks predict molecule properties.' }]),
    );
    services.arxiv.announce(ANNOUNCED, [...ANNOUNCEMENT]);
    const interests = await writeInterests('2501.00001\n2501.99999\n');

    const result = await runCliCaptured([...announced, '--interests', interests, '--top', '1', '--dry-run'], services.env);

    expect(result.code).toBe(0);
    const apiRequests = services.arxiv.requests.filter((request) => request.path === '/api/query');
    expect(apiRequests).toHaveLength(1);
    expect(apiRequests[0]!.query.id_list).toContain('2501.00001');
    expect(result.stderr).toContain('the example paper 2501.99999 in the interests file is not on arXiv');
    expect(pdfPaths()).toEqual(['/pdf/2509.10002v1']);
    expect((await readLastRunReport(services.outputDir)).papers[0]!.ranking!.reason).toBe('nearest interest: like 2501.00001: Message passing on molecular graphs');
  });

  it('prints the ranked table first on --dry-run, then estimates only the selected papers', async () => {
    await startAnnouncing();
    const interests = await writeInterests();

    const result = await runCliCaptured([...announced, '--interests', interests, '--top', '1', '--dry-run'], services.env);

    expect(result.code).toBe(0);
    const rankedAt = result.stdout.indexOf('| rank | score | reason | paper |');
    const estimatesAt = result.stdout.indexOf('Dry run with');
    expect(rankedAt).toBeGreaterThanOrEqual(0);
    expect(estimatesAt).toBeGreaterThan(rankedAt);
    expect(result.stdout).toMatch(/\| \*1 \| \d\.\d{4} \| nearest interest: .* \| 2509\.10003v1 A benchmark of long context retrieval/);
    expect(result.stdout).toMatch(/\| – \| .* \| excluded: mentions robot \| 2509\.10004v1/);
    expect(result.stdout.slice(estimatesAt)).toContain('Total: 1 paper,');
    expect(pdfPaths()).toEqual(['/pdf/2509.10003v1']);
    expect(services.openai.requests).toHaveLength(0);
  });

  it('reports an unreadable interests file as a configuration error naming it, and an empty one with a warning', async () => {
    await startAnnouncing();
    const missing = join(services.outputDir, '..', 'no-such-interests.txt');

    const unreadable = await runCliCaptured([...announced, '--interests', missing], services.env);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain(`cannot read the interests file ${missing} (ENOENT)`);
    expect(services.arxiv.requests).toHaveLength(0);

    const empty = await writeInterests('# nothing yet\n\n');
    const result = await runCliCaptured([...announced, '--interests', empty, '--top', '2', '--dry-run'], { ...services.env, SUMMARIZE_INTERESTS: missing });
    expect(result.code).toBe(0);
    expect(result.stderr.match(/names no interest; keeping the source's order/g)).toHaveLength(1);
    expect(services.openai.embeddingRequests).toHaveLength(0);
    expect(pdfPaths()).toEqual(['/pdf/2509.10001v1', '/pdf/2509.10002v1']);
  });

  it('keeps the most upvoted Hugging Face papers with --top, with their upvotes and links in the brief', async () => {
    services = await startFakeServices(await withPdfs());
    services.hf.setDay('2025-09-10', [
      { id: '2509.10001', upvotes: 2 },
      { id: '2509.10002', upvotes: 42, githubRepo: 'https://github.com/example/graphs', projectPage: 'http://insecure.example.org' },
      { id: '2509.10003', upvotes: 7 },
    ]);

    const result = await runCliCaptured(['nightly', '--date', '2025-09-10', '--top', '1'], services.env);

    expect(result.code).toBe(0);
    expect(pdfPaths()).toEqual(['/pdf/2509.10002v1']);
    const report = await readLastRunReport(services.outputDir);
    expect(report.ranking).toMatchObject({ method: 'upvotes', candidates: 3, selected: 1 });
    expect(report.papers.map((paper) => [paper.id, paper.outcome, paper.ranking?.reason])).toEqual([
      ['2509.10002', 'summarized', '42 upvotes'],
      ['2509.10003', 'not-selected', '7 upvotes'],
      ['2509.10001', 'not-selected', '2 upvotes'],
    ]);
    const brief = JSON.parse(await readFile(join(services.outputDir, 'papers', '2509.10002v1.json'), 'utf8'));
    expect(brief.paper).toMatchObject({ upvotes: 42, githubRepo: 'https://github.com/example/graphs' });
    expect(brief.paper).not.toHaveProperty('projectPage');
    const markdown = await readFile(join(services.outputDir, 'papers', '2509.10002v1.md'), 'utf8');
    expect(markdown).toContain('Upvotes: 42');
    expect(markdown).toContain('Code: https://github.com/example/graphs');
  });

  it('ranks 1,000 candidates with at most 10 embeddings requests and asks for no PDF of the unselected', async () => {
    const pdf = await makePaperPdf('A shared paper');
    const many: FakePaper[] = Array.from({ length: 1000 }, (_, index) => ({
      id: `2509.${String(20000 + index)}`,
      title: index === 737 ? 'Retrieval over very long documents at scale' : `Study ${index} of topic ${index % 17}`,
      abstract: index === 737 ? 'Long context retrieval of very long documents.' : `We examine topic ${index % 17} with method ${index % 5}.`,
      pdf,
    }));
    services = await startFakeServices(many);
    services.arxiv.announce(ANNOUNCED, many.map((paper) => ({ id: paper.id, type: 'new' as const })));
    const interests = await writeInterests();

    const result = await runCliCaptured([...announced, '--interests', interests, '--top', '3', '--dry-run'], { ...services.env, ARXIV_MIN_INTERVAL_MS: '0' });

    expect(result.code).toBe(0);
    expect(services.openai.embeddingRequests.length).toBeGreaterThan(0);
    expect(services.openai.embeddingRequests.length).toBeLessThanOrEqual(10);
    const embedded = services.openai.embeddingRequests.reduce((sum, request) => sum + (request.body.input as string[]).length, 0);
    expect(embedded).toBe(1002);
    expect(pdfPaths()).toHaveLength(3);
    expect(pdfPaths()[0]).toBe('/pdf/2509.20737v1');
    const report = await readLastRunReport(services.outputDir);
    expect(report.papers).toHaveLength(1000);
    expect(report.totals.notSelected).toBe(997);
  });
});
