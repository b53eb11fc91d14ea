import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeChat, startFakeChat } from '../fakes/fake-chat-server.js';
import { type FakeSmtp, startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { makeNightlyPapers, NIGHT, readLastRunReport } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

const PASSWORD = 'n0te-Sm7p-pass';
let services: FakeServices;
let smtp: FakeSmtp;
let chat: FakeChat;

afterEach(async () => {
  await chat?.close();
  await smtp?.close();
  await services?.close();
});

// Hugging Face lists nothing for the night (a holiday); the fakes answer every unset day with [].
async function start(notifyEmpty: boolean) {
  services = await startFakeServices(await makeNightlyPapers(2));
  smtp = await startFakeSmtp({ pass: PASSWORD });
  chat = await startFakeChat();
  return {
    ...services.env,
    SMTP_URL: smtp.url,
    SUMMARIZE_MAIL_FROM: 'arXiv Brief <brief@example.org>',
    SUMMARIZE_MAIL_TO: 'ada@example.com,alan@example.com',
    SUMMARIZE_MAIL_UNSUBSCRIBE: 'mailto:brief@example.org?subject=unsubscribe',
    SUMMARIZE_WEBHOOKS: [chat.webhook('slack'), chat.webhook('telegram'), chat.webhook('discord'), chat.webhook('json')].join(','),
    ...(notifyEmpty ? { SUMMARIZE_NOTIFY_EMPTY: '1' } : {}),
  };
}

const nightly = (env: NodeJS.ProcessEnv) => runCliCaptured(['nightly', '--date', NIGHT, '--send'], env);

describe('summarize nightly --send on a day without papers', () => {
  it('stays silent by default, as it always did', async () => {
    const env = await start(false);
    const result = await nightly(env);
    expect(result.code).toBe(0);
    expect(smtp.messages).toHaveLength(0);
    expect(chat.posts).toHaveLength(0);
  });

  it('with SUMMARIZE_NOTIFY_EMPTY=1 sends readers and every chat channel a one-line note, once', async () => {
    const env = await start(true);

    const result = await nightly(env);

    expect(result.code).toBe(0);
    expect(smtp.messages).toHaveLength(2);
    const mail = await simpleParser(smtp.messages[0]!.raw);
    expect(mail.subject).toBe(`arXiv Brief — ${NIGHT}: no new papers`);
    const line = `No new papers on ${NIGHT}: Hugging Face listed none. The next edition comes with the next list.`;
    expect(mail.text).toContain(line);
    expect(mail.html).toContain(line);
    expect(smtp.messages[0]!.raw.toString('latin1')).toMatch(/^List-Unsubscribe: <mailto:brief@example\.org\?subject=unsubscribe>\r?$/m);
    expect(await access(join(services.outputDir, 'digests', `${NIGHT}.json`)).then(() => true, () => false)).toBe(false);

    expect(chat.posts.map((post) => post.service).sort()).toEqual(['discord', 'json', 'slack', 'telegram']);
    for (const post of chat.posts) expect(JSON.stringify(post.body)).toContain(`No new papers on ${NIGHT}`);
    expect(chat.posts.find((post) => post.service === 'json')!.body).toMatchObject({ date: NIGHT, items: [], text: expect.stringContaining('No new papers') });
    expect(await readLastRunReport(services.outputDir)).toMatchObject({ send: { ok: true }, outcome: 'done' });

    const again = await nightly(env);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/already sent/);
    expect(smtp.messages).toHaveLength(2);
    expect(chat.posts).toHaveLength(4);
  });

  it('still mails the edition when the day gets papers after the note, and sends no note for a day that has an edition', async () => {
    const env = await start(true);
    expect((await nightly(env)).code).toBe(0);
    expect(smtp.messages).toHaveLength(2);

    services.hf.setDay(NIGHT, ['2509.10001', '2509.10002']);
    expect((await nightly(env)).code).toBe(0);
    expect(smtp.messages).toHaveLength(4);
    expect((await simpleParser(smtp.messages[2]!.raw)).subject).toBe(`arXiv Brief — ${NIGHT}: 2 papers`);

    // The list empties again (a source hiccup): the day has its edition, so no note follows it.
    services.hf.setDay(NIGHT, []);
    expect((await nightly(env)).code).toBe(0);
    expect(smtp.messages).toHaveLength(4);
  });

  it('sends no note for a run that failed to read its papers, which is no empty day', async () => {
    const env = await start(true);
    services.hf.setDay(NIGHT, ['2509.99999']);
    const result = await nightly(env);
    expect(result.code).toBe(3);
    expect(smtp.messages).toHaveLength(0);
    expect(chat.posts).toHaveLength(0);
  });
});
