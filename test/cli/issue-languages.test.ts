import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakePaper } from '../fakes/fake-arxiv-server.js';
import { type FakeSmtp, startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { IssueRecordSchema } from '../../src/issue/issue-record.js';
import { makeNightlyPapers, NIGHT } from '../helpers/nightly-papers.js';
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
const calls = () => services.openai.requests.length;
const readOutput = (path: string) => readFile(join(services.outputDir, path), 'utf8');

// Three papers over two days of September 2025, briefed in English by the nightly runs and in Chinese by `summarize --language zh`.
async function startTwoDays(): Promise<FakePaper[]> {
  const papers = await makeNightlyPapers(3);
  services = await startFakeServices(papers);
  services.hf.setDay('2025-09-10', [{ id: papers[0]!.id, upvotes: 5 }, { id: papers[1]!.id, upvotes: 40 }]);
  services.hf.setDay('2025-09-11', [{ id: papers[2]!.id, upvotes: 12 }]);
  for (const date of ['2025-09-10', '2025-09-11']) expect((await run(['nightly', '--date', date, '--source', 'hf'])).code).toBe(0);
  expect((await run([...papers.map((paper) => `${paper.id}v1`), '--language', 'zh'])).code).toBe(0);
  return papers;
}

async function startMail(): Promise<NodeJS.ProcessEnv> {
  smtp = await startFakeSmtp();
  return { SMTP_URL: smtp.url, SUMMARIZE_MAIL_FROM: 'arXiv Brief <brief@example.org>', SUMMARIZE_MAIL_TO: 'ada@example.com', SUMMARIZE_PUBLIC_URL: 'https://brief.example.org/' };
}

describe('issues per language', () => {
  it('issue --language zh is written beside the English issue, not over it; switching back costs nothing', async () => {
    await startTwoDays();
    expect((await run(['issue', '--month', '2025-09', '--top', '2'])).code).toBe(0);
    const english = await readOutput('issues/2025-09.md');

    const chinese = await run(['issue', '--month', '2025-09', '--top', '2', '--language', 'zh']);

    expect(chinese.code).toBe(0);
    expect(await readOutput('issues/2025-09.md')).toBe(english);
    const record = IssueRecordSchema.parse(JSON.parse(await readOutput('issues/2025-09.zh.json')));
    expect(record).toMatchObject({ language: 'zh', title: '2025年9月' });
    expect(await readOutput('issues/2025-09.zh.html')).toContain('<html lang="zh">');
    expect(existsSync(join(services.outputDir, 'issues', '2025-09.zh.email.html'))).toBe(true);

    const before = calls();
    for (const language of ['en', 'zh']) {
      const again = await run(['issue', '--month', '2025-09', '--top', '2', '--language', language]);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain('0 model call(s)');
    }
    expect(calls()).toBe(before);
    // The archive lists each language's issue at its own page.
    const index = await readOutput('index.html');
    expect(index).toContain('<a href="issues/2025-09.html"><strong>September 2025</strong></a>');
    expect(index).toContain('<li lang="zh"><a href="issues/2025-09.zh.html"><strong>2025年9月</strong></a>');
  });

  it('a mailed issue is not rewritten with other papers or in another style (exit 1, nothing bought); the same issue again is free; each language is mailed on its own', async () => {
    await startTwoDays();
    const mailEnv = await startMail();
    expect((await run(['issue', '--month', '2025-09'], mailEnv)).code).toBe(0);
    expect((await run(['send', '--issue', '2025-09'], mailEnv)).code).toBe(0);
    const mailed = await Promise.all(['md', 'html', 'email.html', 'json'].map((extension) => readOutput(`issues/2025-09.${extension}`)));
    const before = calls();

    const fewer = await run(['issue', '--month', '2025-09', '--top', '2'], mailEnv);
    const restyled = await run(['issue', '--month', '2025-09', '--style', 'commentary'], mailEnv);

    expect(fewer.code).toBe(1);
    expect(fewer.stderr).toContain('the issue 2025-09 in English (en) was already mailed with 3 papers in the blurb style: it is not rewritten with these 2 papers');
    expect(restyled.code).toBe(1);
    expect(restyled.stderr).toContain('it is not rewritten in the commentary style');
    expect(calls()).toBe(before);
    expect(await Promise.all(['md', 'html', 'email.html', 'json'].map((extension) => readOutput(`issues/2025-09.${extension}`)))).toEqual(mailed);
    // The same issue again costs nothing and changes nothing, even with another model set: readers have these texts.
    for (const args of [[], ['--model', 'gpt-5-nano']]) {
      const same = await run(['issue', '--month', '2025-09', ...args], mailEnv);
      expect(same.code).toBe(0);
    }
    expect(calls()).toBe(before);
    expect(await Promise.all(['md', 'html', 'email.html', 'json'].map((extension) => readOutput(`issues/2025-09.${extension}`)))).toEqual(mailed);

    // The Chinese issue is another issue: made beside the mailed one, mailed once, with its own record and subject.
    expect((await run(['issue', '--month', '2025-09', '--language', 'zh'], mailEnv)).code).toBe(0);
    const sent = await run(['send', '--issue', '2025-09', '--language', 'zh'], mailEnv);
    expect(sent.stderr).not.toContain('internal error');
    expect(sent.code).toBe(0);
    expect(smtp!.messages).toHaveLength(2);
    const mail = await simpleParser(smtp!.messages[1]!.raw);
    expect(mail.subject).toBe('arXiv Brief — 2025年9月：3 篇论文');
    expect(mail.html).toContain('https://brief.example.org/issues/2025-09.zh.html');
    expect((await run(['send', '--issue', '2025-09', '--language', 'zh'], mailEnv)).stderr).toContain('already sent');
    expect(smtp!.messages).toHaveLength(2);
    const dated = await run(['send', '--date', '2025-09-10', '--language', 'zh'], mailEnv);
    expect(dated.code).toBe(2);
    expect(dated.stderr).toContain('send: --language picks the issue to mail (with --issue)');
  });
});

describe('a mailed edition in another language', () => {
  it('nightly --language zh --send keeps the mailed English edition (the Chinese briefs are written); digest --language zh refuses to rebuild it', async () => {
    const papers = await makeNightlyPapers(2);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    const mailEnv = await startMail();
    expect((await run(['nightly', '--date', NIGHT, '--source', 'hf', '--send'], mailEnv)).code).toBe(0);
    const edition = await Promise.all(['html', 'md', 'json', 'email.html'].map((extension) => readOutput(`digests/${NIGHT}.${extension}`)));

    const chinese = await run(['nightly', '--date', NIGHT, '--source', 'hf', '--language', 'zh', '--send'], mailEnv);

    expect(chinese.stderr).toContain(`the edition of ${NIGHT} was already mailed in English (en); it is not rewritten in Chinese (zh)`);
    expect(await Promise.all(['html', 'md', 'json', 'email.html'].map((extension) => readOutput(`digests/${NIGHT}.${extension}`)))).toEqual(edition);
    expect(existsSync(join(services.outputDir, 'papers', `${papers[0]!.id}v1.zh.json`))).toBe(true);
    expect(smtp!.messages).toHaveLength(1);

    const rebuilt = await run(['digest', '--date', NIGHT, '--language', 'zh']);
    expect(rebuilt.code).toBe(1);
    expect(rebuilt.stderr).toContain(`it is not rewritten in Chinese (zh)`);
    expect(rebuilt.stderr).toContain(`\`summarize digest --date ${NIGHT}\` without --language rebuilds it as mailed`);
    expect(await readOutput(`digests/${NIGHT}.html`)).toBe(edition[0]);
  });
});
