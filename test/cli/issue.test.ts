import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeSmtp, startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { IssueRecordSchema } from '../../src/issue/issue-record.js';
import { acquireRunLock } from '../../src/run/acquire-run-lock.js';
import { readReaderOutcomes } from '../helpers/read-reader-states.js';
import { askedSchemaName } from '../helpers/brief-responder.js';
import { makeNightlyPapers } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices;
let smtp: FakeSmtp | undefined;
afterEach(async () => {
  await services?.close();
  await smtp?.close();
  smtp = undefined;
});

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCliCaptured(args, { ...services.env, ...env });
const schemaNames = () => services.openai.requests.map((request) => askedSchemaName(request.body));
const pdfRequests = () => services.arxiv.requests.filter((request) => request.path.startsWith('/pdf/'));
const readIssue = (period: string, extension: string) => readFile(join(services.outputDir, 'issues', `${period}.${extension}`), 'utf8');

// Three papers over two days of September 2025 (both in ISO week 37); the second day lists the middle paper again.
async function startTwoDays() {
  const papers = await makeNightlyPapers(3);
  services = await startFakeServices(papers);
  services.hf.setDay('2025-09-10', [{ id: papers[0]!.id, upvotes: 5 }, { id: papers[1]!.id, upvotes: 40 }]);
  services.hf.setDay('2025-09-11', [{ id: papers[1]!.id, upvotes: 41 }, { id: papers[2]!.id, upvotes: 12 }]);
  for (const date of ['2025-09-10', '2025-09-11']) expect((await run(['nightly', '--date', date, '--source', 'hf'])).code).toBe(0);
  return papers;
}

describe('summarize issue', () => {
  it('--month: the best papers by upvotes in blurbs after an introduction; only blurbs and the introduction are paid, no PDF again; a rerun costs nothing', async () => {
    const papers = await startTwoDays();
    const callsBefore = services.openai.requests.length;
    const pdfsBefore = pdfRequests().length;

    const dryRun = await run(['issue', '--month', '2025-09', '--top', '2', '--dry-run']);
    expect(dryRun.code).toBe(0);
    expect(services.openai.requests).toHaveLength(callsBefore);
    expect(existsSync(join(services.outputDir, 'issues'))).toBe(false);
    const estimated = /Total: 2 papers, estimated \$(\d\.\d{4})/.exec(dryRun.stdout);
    expect(Number(estimated?.[1])).toBeGreaterThan(0);
    expect(dryRun.stdout).toMatch(/0 text\(s\) in the blurb style stored: no call\. Introduction: ~\$0\.\d{4}/);

    const first = await run(['issue', '--month', '2025-09', '--top', '2']);

    expect(first.stderr).not.toContain('internal error');
    expect(first.code).toBe(0);
    expect(schemaNames().slice(callsBefore)).toEqual(['paper_blurb', 'paper_blurb', 'issue_introduction']);
    expect(pdfRequests()).toHaveLength(pdfsBefore);
    const markdown = await readIssue('2025-09', 'md');
    expect(markdown.startsWith('# arXiv Brief — September 2025\n\nThis issue gathers papers that check machine summaries')).toBe(true);
    // By upvotes: the middle paper (40), then the last (12); the first (5) is not in the top 2.
    const titles = [...markdown.matchAll(/^## \[(.+?)\]\((https:\/\/arxiv\.org\/abs\/[^)]+)\)$/gm)].map((match) => match[1]);
    expect(titles).toEqual([papers[1]!.title, papers[2]!.title]);
    expect(markdown).toContain('This paper turns research papers into newsletter briefs whose numbers are checked.');
    expect(markdown).not.toMatch(/📘|### /);
    expect(markdown.trimEnd()).toMatch(/_Written by gpt-5-mini on \d{4}-\d{2}-\d{2}\._$/);
    const record = IssueRecordSchema.parse(JSON.parse(await readIssue('2025-09', 'json')));
    expect(record.papers.map((paper) => paper.id)).toEqual([papers[1]!.id, papers[2]!.id]);
    expect(record.introduction.costUsd).toBeGreaterThan(0);
    const page = await readIssue('2025-09', 'html');
    expect(page).toContain(`<a href="../papers/${papers[1]!.id}v1.html">`);
    // Listed in the archive beside the editions, and an item of the feeds.
    const index = await readFile(join(services.outputDir, 'index.html'), 'utf8');
    expect(index).toContain('<a href="issues/2025-09.html"><strong>September 2025</strong></a> <span class="muted">· 2 papers</span>');
    const feed = JSON.parse(await readFile(join(services.outputDir, 'feed.json'), 'utf8')) as { items: Array<{ id: string; title: string; url: string }> };
    expect(feed.items[0]).toMatchObject({ id: 'urn:arxiv-brief:feed:issue:2025-09', title: `September 2025: 2 papers, led by ${papers[1]!.title}`, url: 'issues/2025-09.html' });
    expect(feed.items.map((item) => item.id)).toContain('urn:arxiv-brief:feed:edition:2025-09-11');
    const email = await readIssue('2025-09', 'email.html');
    expect(Buffer.byteLength(email)).toBeLessThan(100_000);
    expect(email).toContain('This issue gathers papers');

    const callsAfterFirst = services.openai.requests.length;
    const second = await run(['issue', '--month', '2025-09', '--top', '2']);
    expect(second.code).toBe(0);
    expect(services.openai.requests).toHaveLength(callsAfterFirst);
    expect(second.stderr).toContain('0 model call(s)');
    const storedDryRun = await run(['issue', '--month', '2025-09', '--top', '2', '--dry-run']);
    expect(storedDryRun.stdout).toContain('2 text(s) in the blurb style stored: no call. Introduction: stored, no call');
    expect(await readIssue('2025-09', 'md')).toBe(markdown);
  });

  it('--week: the ISO week of both days, every paper once; a blurb stored by the month\'s issue is not bought again', async () => {
    const papers = await startTwoDays();
    expect((await run(['issue', '--month', '2025-09', '--top', '1'])).code).toBe(0);
    const callsBefore = services.openai.requests.length;

    const result = await run(['issue', '--week', '2025-W37']);

    expect(result.code).toBe(0);
    // The middle paper's blurb is stored: only the other two and the week's introduction are paid.
    expect(schemaNames().slice(callsBefore)).toEqual(['paper_blurb', 'paper_blurb', 'issue_introduction']);
    const markdown = await readIssue('2025-W37', 'md');
    expect(markdown).toContain('# arXiv Brief — Week 37, 2025 (8 September – 14 September)');
    expect([...markdown.matchAll(/^## /gm)]).toHaveLength(3);
    for (const paper of papers) expect(markdown).toContain(paper.title);
  });

  it('leaves out a stored brief that is cut short or fails the schema, with a warning naming its file and the command that rebuilds it', async () => {
    const papers = await startTwoDays();
    const briefPath = (index: number) => join(services.outputDir, 'papers', `${papers[index]!.id}v1.json`);
    const whole = await readFile(briefPath(0), 'utf8');
    await writeFile(briefPath(0), whole.slice(0, Math.floor(whole.length / 2)));
    const { summary: _summary, ...withoutSummary } = JSON.parse(await readFile(briefPath(2), 'utf8'));
    await writeFile(briefPath(2), JSON.stringify(withoutSummary));

    const result = await run(['issue', '--month', '2025-09']);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`left out of the issue: papers/${papers[0]!.id}v1.json is cut short (not whole JSON); rebuild it with \`summarize ${papers[0]!.id}v1\``);
    expect(result.stderr).toMatch(new RegExp(`left out of the issue: papers/${papers[2]!.id.replace('.', '\\.')}v1\\.json does not match the brief's schema \\(summary: .+\\); rebuild it with \`summarize ${papers[2]!.id.replace('.', '\\.')}v1\``));
    const titles = [...(await readIssue('2025-09', 'md')).matchAll(/^## \[(.+?)\]/gm)].map((match) => match[1]);
    expect(titles).toEqual([papers[1]!.title]);
    // The command named rebuilds it.
    expect((await run([`${papers[0]!.id}v1`])).code).toBe(0);
    expect(JSON.parse(await readFile(briefPath(0), 'utf8')).paper.id).toBe(papers[0]!.id);
  });

  it('a period without stored briefs names the command that makes them (exit 1); a malformed period is a usage error (exit 2)', async () => {
    await startTwoDays();
    const callsBefore = services.openai.requests.length;

    const empty = await run(['issue', '--month', '2025-08']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no briefs are stored for August 2025 (2025-08-01 to 2025-08-31)');
    expect(empty.stderr).toContain('`summarize nightly --source hf --month 2025-08`');

    for (const [flags, message] of [
      [['--month', '2025-13'], '--month: "2025-13" is not a month; expected YYYY-MM, e.g. 2025-09'],
      [['--week', '2025-W53'], '--week: "2025-W53" is not an ISO week; expected YYYY-Www from W01 to W52, e.g. 2025-W37'],
      [['--month', '2025-09', '--week', '2025-W37'], 'issue: give --month or --week, not both'],
      [[], 'issue: which period? e.g. --month 2025-09 or --week 2025-W37'],
      [['--month', '2025-09', '--style', 'podcast'], 'issue: --style takes one of blurb, commentary'],
    ] as const) {
      const result = await run(['issue', ...flags]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
    }
    // The night's run (or another issue) holds the folder: nothing is bought twice, the index is not raced.
    const lock = await acquireRunLock(services.outputDir, { command: 'nightly (the other run)' });
    try {
      const locked = await run(['issue', '--month', '2025-09']);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain(`holds ${join(services.outputDir, '.summarize.lock')}`);
    } finally {
      await lock.release();
    }
    expect(services.openai.requests).toHaveLength(callsBefore);
  });

  it('send --issue mails the issue once per reader with the daily edition\'s record rules; --resend all sends again; an issue not written names the command', async () => {
    const papers = await startTwoDays();
    smtp = await startFakeSmtp({ pass: 'Sm7p-s3cret-Pa55' });
    const mailEnv = { SMTP_URL: smtp.url, SUMMARIZE_MAIL_FROM: 'arXiv Brief <brief@example.org>', SUMMARIZE_MAIL_TO: 'ada@example.com, alan@example.com', SUMMARIZE_PUBLIC_URL: 'https://brief.example.org/' };

    const missing = await run(['send', '--issue', '2025-09'], mailEnv);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no issue for September 2025');
    expect(missing.stderr).toContain('`summarize issue --month 2025-09`');
    expect((await run(['send', '--issue', '2025-9'], mailEnv)).code).toBe(2);

    expect((await run(['issue', '--month', '2025-09'], mailEnv)).code).toBe(0);
    const sent = await run(['send', '--issue', '2025-09'], mailEnv);
    expect(sent.stderr).toContain('sent the issue of September 2025 to 2 readers');
    expect(sent.code).toBe(0);
    expect(smtp.messages.map((message) => message.to)).toEqual([['ada@example.com'], ['alan@example.com']]);
    const mail = await simpleParser(smtp.messages[0]!.raw);
    expect(mail.subject).toBe('arXiv Brief — September 2025: 3 papers');
    expect(mail.messageId).toMatch(/^<issue-2025-09\.[0-9a-f]{16}\.[0-9a-f]{8}@example\.org>$/);
    expect(mail.text).toContain('This issue gathers papers');
    expect(mail.html).toContain(`https://brief.example.org/papers/${papers[1]!.id}v1.html`);
    expect(mail.html).toContain('https://brief.example.org/issues/2025-09.html');
    expect(readReaderOutcomes(services.outputDir, 'issue-2025-09')).toEqual({ 'ada@example.com': 'accepted', 'alan@example.com': 'accepted' });

    const again = await run(['send', '--issue', '2025-09'], mailEnv);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('the issue of September 2025 was already sent');
    expect(smtp.messages).toHaveLength(2);
    expect((await run(['send', '--issue', '2025-09', '--resend', 'all'], mailEnv)).code).toBe(0);
    expect(smtp.messages).toHaveLength(4);
  });

  it('nightly --source hf --month collects the month\'s list for the issue (no daily edition, no mail); the issue is built from it', async () => {
    const papers = await makeNightlyPapers(3);
    services = await startFakeServices(papers);
    services.hf.setDay('2025-09-02', [{ id: papers[0]!.id, upvotes: 9 }]);
    services.hf.setDay('2025-09-20', [{ id: papers[1]!.id, upvotes: 30 }, { id: papers[0]!.id, upvotes: 10 }]);
    services.hf.setDay('2025-10-01', [{ id: papers[2]!.id, upvotes: 99 }]);

    // The podcast style asked for every night is not bought for a month: an issue has no episode.
    const collected = await run(['nightly', '--source', 'hf', '--month', '2025-09'], { SUMMARIZE_STYLES: 'brief,podcast' });

    expect(collected.stderr).not.toContain('internal error');
    expect(collected.code).toBe(0);
    expect(services.hf.requests.map((request) => request.query.month)).toContain('2025-09');
    expect(schemaNames()).toEqual(['paper_brief', 'paper_brief']);
    expect(existsSync(join(services.outputDir, 'digests'))).toBe(false);
    const issue = await run(['issue', '--month', '2025-09']);
    expect(issue.code).toBe(0);
    const titles = [...(await readIssue('2025-09', 'md')).matchAll(/^## \[(.+?)\]/gm)].map((match) => match[1]);
    expect(titles).toEqual([papers[1]!.title, papers[0]!.title]);
    // In no daily edition, the collected papers still get the pages the issue links.
    const page = await readIssue('2025-09', 'html');
    for (const paper of [papers[1]!, papers[0]!]) {
      expect(page).toContain(`<a href="../papers/${paper.id}v1.html">`);
      expect(existsSync(join(services.outputDir, 'papers', `${paper.id}v1.html`))).toBe(true);
    }

    const wrong = await run(['nightly', '--month', '2025-09', '--send']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('nightly: --month collects Hugging Face\'s list of the month for `summarize issue`');
  });
});
