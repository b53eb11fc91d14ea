import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeChat, startFakeChat } from '../fakes/fake-chat-server.js';
import { type FakeSmtp, startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { makeNightlyPapers, NIGHT, readLastRunReport } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

const PASSWORD = 'n1ghtly-Sm7p-pass';
let services: FakeServices;
let smtp: FakeSmtp;

afterEach(async () => {
  await smtp?.close();
  await services?.close();
});

async function start(papers = 2) {
  const made = await makeNightlyPapers(papers);
  services = await startFakeServices(made);
  services.hf.setDay(NIGHT, made.map((paper) => paper.id));
  smtp = await startFakeSmtp({ pass: PASSWORD });
  return { ...services.env, SMTP_URL: smtp.url, SUMMARIZE_MAIL_FROM: 'arXiv Brief <brief@example.org>', SUMMARIZE_MAIL_TO: 'ada@example.com' };
}

describe('summarize nightly --send', () => {
  it('mails the edition once it is written, records the step, and a rerun mails nothing', async () => {
    const env = await start();

    const first = await runCliCaptured(['nightly', '--date', NIGHT, '--send'], env);

    expect(first.code).toBe(0);
    expect(smtp.messages).toHaveLength(1);
    const mail = await simpleParser(smtp.messages[0]!.raw);
    expect(mail.subject).toBe(`arXiv Brief — ${NIGHT}: 2 papers`);
    expect(mail.text).toContain('Nightly Paper 1');
    expect(await readLastRunReport(services.outputDir)).toMatchObject({ send: { ok: true }, publish: { ok: true }, outcome: 'done' });
    expect(first.stderr).not.toContain(PASSWORD);

    const rerun = await runCliCaptured(['nightly', '--date', NIGHT, '--send'], env);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toMatch(/already sent/);
    expect(smtp.messages).toHaveLength(1);
  });

  it('posts to every chat channel without mail configured; a failing channel is reported (exit 3), the others are posted', async () => {
    const made = await makeNightlyPapers(2);
    services = await startFakeServices(made);
    services.hf.setDay(NIGHT, made.map((paper) => paper.id));
    const chat: FakeChat = await startFakeChat();
    try {
      chat.queue('discord', { status: 404, body: JSON.stringify({ message: 'Unknown Webhook', code: 10015 }) });
      chat.queue('telegram', { drop: 'close' });
      const env = { ...services.env, SUMMARIZE_WEBHOOKS: [chat.webhook('slack'), chat.webhook('discord'), chat.webhook('telegram')].join(',') };
      const result = await runCliCaptured(['nightly', '--date', NIGHT, '--send'], env);
      expect(result.code).toBe(3);
      expect(chat.posts.map((post) => post.service).sort()).toEqual(['discord', 'slack', 'telegram']);
      expect(String(chat.posts.find((post) => post.service === 'telegram')!.body.text)).toContain('Nightly Paper 1');
      expect(result.stderr).toMatch(/discord#[0-9a-f]{8}: not posted: .*HTTP 404 Unknown Webhook \(`summarize send --channels-only --date \S+` retries it\)/);
      // A post whose answer never came may be in the channel: a plain retry would not repeat it.
      expect(result.stderr).toMatch(/telegram#[0-9a-f]{8}: message 1 of 1 .* may or may not have arrived .*\(once you have checked, `summarize send --channels-only --date \S+ --resend` repeats it\)/);
      expect(result.stderr).not.toContain('SecretKey');
      expect(await readLastRunReport(services.outputDir)).toMatchObject({ send: { ok: false }, publish: { ok: true } });
    } finally {
      await chat.close();
    }
  });

  it('never rewrites an edition already mailed: a later run with other papers keeps it as mailed', async () => {
    const env = await start(2);
    expect((await runCliCaptured(['nightly', '--date', NIGHT, '--send'], env)).code).toBe(0);
    const mailedIndex = await readFile(join(services.outputDir, 'digests', `${NIGHT}.json`), 'utf8');
    const [extra] = await makeNightlyPapers(1, 10009);
    services.arxiv.addPaper(extra!);
    services.hf.setDay(NIGHT, ['2509.10001', '2509.10002', extra!.id]);

    const later = await runCliCaptured(['nightly', '--date', NIGHT, '--send'], env);

    expect(later.code).toBe(0);
    expect(later.stderr).toMatch(/the edition of 2025-09-10 was already mailed with 2 papers; it is not rewritten with these 3/);
    expect(await readFile(join(services.outputDir, 'digests', `${NIGHT}.json`), 'utf8')).toBe(mailedIndex);
    expect(smtp.messages).toHaveLength(1);
  });

  it('refuses to start, before any request, when mailing is not configured', async () => {
    const { SMTP_URL: _unused, ...env } = await start();
    const result = await runCliCaptured(['nightly', '--date', NIGHT, '--send'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SMTP_URL: not set');
    expect(services.arxiv.requests).toHaveLength(0);
    expect(services.openai.requests).toHaveLength(0);
  });

  it('records a refused login as a failed send step: exit 3, briefs and edition kept', async () => {
    const started = await start();
    const env = { ...started, SMTP_URL: started.SMTP_URL.replace(encodeURIComponent(PASSWORD), 'wrong-password') };
    const result = await runCliCaptured(['nightly', '--date', NIGHT, '--send'], env);
    expect(result.code).toBe(3);
    const report = await readLastRunReport(services.outputDir);
    expect(report).toMatchObject({ publish: { ok: true }, send: { ok: false }, outcome: 'partial', totals: { summarized: 2 } });
    expect(smtp.messages).toHaveLength(0);
  });

  it('takes --date yesterday', async () => {
    const env = await start(0);
    const result = await runCliCaptured(['nightly', '--date', 'yesterday'], env);
    expect(result.code).toBe(0);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await readLastRunReport(services.outputDir)).date).toBe(yesterday);
  });
});
