import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { askedSchemaName, groundedBriefResponder, respondAsAsked } from '../helpers/brief-responder.js';
import { makeLocalizedBriefContent } from '../helpers/localized-brief.js';
import { makeNightlyPapers, NIGHT, readLastRunReport } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices;
afterEach(async () => {
  await services?.close();
});

const nightly = (extra: string[] = [], env: NodeJS.ProcessEnv = {}) => runCliCaptured(['nightly', '--date', NIGHT, '--source', 'hf', ...extra], { ...services.env, ...env });
const schemaNames = () => services.openai.requests.map((request) => askedSchemaName(request.body));

describe('summarize nightly --style', () => {
  it('--dry-run estimates each style, and the total holds them all', async () => {
    const papers = await makeNightlyPapers(2);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));

    const briefOnly = await nightly(['--dry-run']);
    const withStyles = await nightly(['--dry-run', '--style', 'brief,blurb,commentary']);

    expect(withStyles.code).toBe(0);
    expect(services.openai.requests).toHaveLength(0);
    expect(briefOnly.stdout).not.toContain('By style');
    const byStyle = /By style: brief \$(\d\.\d{4}), blurb \$(\d\.\d{4}), commentary \$(\d\.\d{4})/.exec(withStyles.stdout);
    expect(byStyle).not.toBeNull();
    const [brief, blurb, commentary] = byStyle!.slice(1).map(Number);
    const total = (stdout: string) => Number(/Total: 2 papers, estimated \$(\d\.\d{4})/.exec(stdout)![1]);
    expect(brief).toBeCloseTo(total(briefOnly.stdout), 3);
    expect(blurb).toBeGreaterThan(0);
    expect(commentary).toBeGreaterThan(blurb!);
    expect(total(withStyles.stdout)).toBeCloseTo(brief! + blurb! + commentary!, 3);
    // Asked in one call, the blurb and the commentary share one read of the paper: the blurb's share is dearer alone.
    const blurbAlone = Number(/By style: brief \$\d\.\d{4}, blurb \$(\d\.\d{4})/.exec((await nightly(['--dry-run', '--style', 'brief,blurb'])).stdout)![1]);
    expect(blurb).toBeLessThan(blurbAlone);
  });

  it('writes each style next to the brief, shows them on the paper page, keeps the brief in the edition, and reports each style\'s cost', async () => {
    const papers = await makeNightlyPapers(1);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));

    const result = await nightly(['--style', 'brief,blurb']);

    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);
    expect(schemaNames()).toEqual(['paper_brief', 'paper_blurb']);
    const stem = `${papers[0]!.id}v1`;
    expect((await readdir(join(services.outputDir, 'papers'))).filter((name) => name.startsWith(stem)).sort()).toEqual(
      [`${stem}.blurb.json`, `${stem}.blurb.md`, `${stem}.flowchart.png`, `${stem}.flowchart.svg`, `${stem}.html`, `${stem}.json`, `${stem}.md`].sort(),
    );
    const page = await readFile(join(services.outputDir, 'papers', `${stem}.html`), 'utf8');
    expect(page).toContain('<h3>🔍 Critique</h3>');
    expect(page).toMatch(/<section class="card" id="blurb" lang="en">\n<h2>Blurb<\/h2>\n<p>This paper turns research papers/);
    const digest = await readFile(join(services.outputDir, 'digests', `${NIGHT}.md`), 'utf8');
    expect(digest).toContain('Topic and Domain');
    expect(digest).not.toContain('This paper turns research papers');
    const report = await readLastRunReport(services.outputDir);
    const paper = report.papers[0]!;
    expect(paper.styles).toEqual([{ style: 'blurb', outcome: 'written', costUsd: expect.any(Number), durationMs: expect.any(Number) }]);
    expect(paper.costUsd).toBeGreaterThan(paper.styles![0]!.costUsd!);
  });

  it('--style blurb first: the edition, its digest and its email show each paper\'s blurb; digest --style brief|blurb switches with no model call', async () => {
    const papers = await makeNightlyPapers(2);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    const readDigest = (extension: string) => readFile(join(services.outputDir, 'digests', `${NIGHT}.${extension}`), 'utf8');

    expect((await nightly(['--style', 'blurb'])).code).toBe(0);

    expect(schemaNames().sort()).toEqual(['paper_blurb', 'paper_blurb', 'paper_brief', 'paper_brief']);
    for (const extension of ['md', 'html', 'email.html']) {
      const text = await readDigest(extension);
      expect(text).toContain('This paper turns research papers into newsletter briefs whose numbers are checked.');
      expect(text).not.toContain('Topic and Domain');
    }
    expect(JSON.parse(await readDigest('json'))).toMatchObject({ style: 'blurb' });
    const calls = services.openai.requests.length;

    const brief = await runCliCaptured(['digest', '--date', NIGHT, '--style', 'brief'], services.env);
    expect(brief.code).toBe(0);
    expect(await readDigest('html')).toContain('Topic and Domain');
    expect(await readDigest('html')).not.toContain('This paper turns research papers');
    expect(JSON.parse(await readDigest('json')).style).toBeUndefined();

    expect((await runCliCaptured(['digest', '--date', NIGHT, '--style', 'blurb'], services.env)).code).toBe(0);
    expect(await readDigest('html')).toContain('This paper turns research papers');
    expect(services.openai.requests).toHaveLength(calls);
  });

  it('--language zh: the edition is built, rebuilt and mailed from the Chinese briefs, with Chinese labels', async () => {
    const papers = await makeNightlyPapers(1);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    services.openai.setResponder((body) => (askedSchemaName(body) === 'paper_brief' ? respondAsAsked(body, makeLocalizedBriefContent('zh')) : groundedBriefResponder(body)));

    const env = { ...services.env, SUMMARIZE_PUBLIC_URL: 'https://brief.example.org' };
    const night = await nightly(['--language', 'zh'], env);
    expect(night.stderr).not.toContain('internal error');
    expect(night.code).toBe(0);
    expect(JSON.parse(await readFile(join(services.outputDir, 'digests', `${NIGHT}.json`), 'utf8'))).toMatchObject({ language: 'zh' });
    const rebuilt = await runCliCaptured(['digest', '--date', NIGHT], env);
    expect(rebuilt.stderr).not.toMatch(/missing|warning/);
    expect(rebuilt.code).toBe(0);
    // The page, its link preview and the email point at the Chinese brief's own flowchart.
    const stem = `${papers[0]!.id}v1.zh`;
    expect(existsSync(join(services.outputDir, 'papers', `${stem}.flowchart.png`))).toBe(true);
    const page = await readFile(join(services.outputDir, 'papers', `${papers[0]!.id}v1.html`), 'utf8');
    expect(page).toContain(`<img src="${stem}.flowchart.png"`);
    expect(page).toContain(`<meta property="og:image" content="https://brief.example.org/papers/${stem}.flowchart.png">`);
    const html = await readFile(join(services.outputDir, 'digests', `${NIGHT}.html`), 'utf8');
    expect(html).toContain('主题与领域');
    expect(html).toContain('本期内容');
    const dryRun = await runCliCaptured(['send', '--date', NIGHT, '--dry-run'], { ...env, SUMMARIZE_MAIL_FROM: 'brief@example.org', SUMMARIZE_MAIL_TO: 'ada@example.com' });
    expect(dryRun.stderr).not.toMatch(/missing|internal error/);
    expect(dryRun.code).toBe(0);
    const email = await readFile(join(services.outputDir, 'digests', `${NIGHT}.email.html`), 'utf8');
    expect(email).toContain('本期内容');
  });

  it('a style that fails after its repairs leaves the brief, and what its calls cost counts in the paper\'s spend', async () => {
    const papers = await makeNightlyPapers(1);
    services = await startFakeServices(papers, {});
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    // A blurb of one paragraph: never valid, so every repair is paid and the style fails.
    services.openai.setResponder((body) => (askedSchemaName(body) === 'paper_blurb' ? respondAsAsked(body, { paragraphs: ['Too short.'] }) : groundedBriefResponder(body)));

    const result = await nightly(['--style', 'brief,blurb']);

    expect(result.code).toBe(3);
    const blurbCalls = schemaNames().filter((name) => name === 'paper_blurb').length;
    expect(blurbCalls).toBeGreaterThan(1);
    const report = await readLastRunReport(services.outputDir);
    const paper = report.papers[0]!;
    expect(paper.styles).toEqual([{ style: 'blurb', outcome: 'failed', costUsd: expect.any(Number), durationMs: expect.any(Number), reason: expect.stringContaining('blurb:') }]);
    expect(paper.styles![0]!.costUsd).toBeGreaterThan(0);
    const brief = JSON.parse(await readFile(join(services.outputDir, 'papers', `${papers[0]!.id}v1.json`), 'utf8'));
    expect(paper.costUsd).toBeCloseTo(brief.generation.costUsd + paper.styles![0]!.costUsd!, 6);
    expect(paper.attempts).toBe(brief.generation.attempts + blurbCalls);
  });
});
