import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChannelDigest } from '../../src/channels/channel-digest.js';
import type { ResendScope } from '../../src/reader-sends/plan-mail-round.js';
import { postToChannels } from '../../src/channels/post-to-channels.js';
import { parseChannelUrls } from '../../src/config/parse-channel-urls.js';
import { readEdition } from '../../src/output/digest-store.js';
import type { ChatService } from '../fakes/fake-chat-server.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { storeEdition } from '../helpers/store-edition.js';
import { makeChatBriefs, useChatFolder } from '../helpers/use-chat-folder.js';

const DATE = '2025-01-31';
const folder = useChatFolder();
// Long TLDRs: Telegram needs several messages for a few papers.
const makeBriefs = (count: number) => makeChatBriefs(count, { tldrRepeats: 30 });

const TELEGRAM_OK = { status: 200, body: JSON.stringify({ ok: true, result: { message_id: 1 } }) };

// Posts the stored edition to one channel of the fake as `send` does, with the waits between posts on a virtual clock.
async function preparePosts(service: ChatService, extra: { timeoutMs?: number } = {}) {
  const channels = parseChannelUrls(folder.chat.webhook(service));
  if (typeof channels === 'string') throw new Error(channels);
  const digest = buildChannelDigest(await readEdition(folder.outputDir, DATE), undefined);
  let clock = Date.parse('2025-02-01T06:00:00Z');
  const _internal = { now: () => clock, sleep: async (milliseconds: number) => void (clock += milliseconds) };
  return (resend: ResendScope | undefined) => postToChannels(channels, digest, { outputDir: folder.outputDir, resend, log: () => {}, secrets: [], maxRetryAfterMs: 1000, ...extra, _internal });
}

const postsTo = (service: string) => folder.chat.posts.filter((post) => post.service === service);
const readRecord = async () => JSON.parse(await readFile(join(folder.outputDir, 'mail', `${DATE}.channels.json`), 'utf8')) as { attempts: Array<{ channel: string; status: string; posted: number; messages: number }> };

describe('a chat post whose answer never came', () => {
  it('is recorded uncertain when the connection closed after the post was sent: the next send does not repost it, --resend does once', async () => {
    await storeEdition(folder.outputDir, DATE, makeBriefs(2));
    folder.chat.queue('telegram', { drop: 'close' });
    const env = { SUMMARIZE_OUTPUT_DIR: folder.outputDir, SUMMARIZE_WEBHOOKS: [folder.chat.webhook('discord'), folder.chat.webhook('telegram')].join(',') };

    const first = await runCliCaptured(['send', '--date', DATE], env);
    expect(first.code).toBe(3);
    expect(first.stderr).toMatch(/telegram#[0-9a-f]{8}: message 1 of 1 of the edition of 2025-01-31 may or may not have arrived \(.*connection was closed before an answer.*\); check the channel, then `--resend` repeats it\n/);
    expect(postsTo('telegram')).toHaveLength(1);
    expect((await readRecord()).attempts.find((attempt) => attempt.channel.startsWith('telegram'))).toMatchObject({ status: 'uncertain', posted: 0, messages: 1 });

    // Today the next send posted it again: the channel showed the edition twice.
    const again = await runCliCaptured(['send', '--date', DATE], env);
    expect(postsTo('telegram')).toHaveLength(1);
    expect(postsTo('discord')).toHaveLength(1);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/telegram#[0-9a-f]{8}: message 1 of 1 of the edition of 2025-01-31 may or may not have arrived \(.*, 20\S+\); not repeated: check the channel, then `--resend` repeats it\n/);

    const resent = await runCliCaptured(['send', '--date', DATE, '--resend'], env);
    expect(resent.code).toBe(0);
    expect(postsTo('telegram')).toHaveLength(2);
    expect(postsTo('discord')).toHaveLength(1);

    const after = await runCliCaptured(['send', '--date', DATE], env);
    expect(after.code).toBe(0);
    expect(after.stderr.match(/was already posted at .*; nothing posted \(`--resend all` posts it again\)/g)).toHaveLength(2);
    expect(folder.chat.posts).toHaveLength(3);

    const everywhere = await runCliCaptured(['send', '--date', DATE, '--resend', 'all'], env);
    expect(everywhere.code).toBe(0);
    expect(postsTo('telegram')).toHaveLength(3);
    expect(postsTo('discord')).toHaveLength(2);
  });

  it('goes on from the message whose answer never came: messages already posted are not repeated', async () => {
    await storeEdition(folder.outputDir, DATE, makeBriefs(8));
    folder.chat.queue('telegram', TELEGRAM_OK, { drop: 'close' });
    const post = await preparePosts('telegram');

    const [first] = await post(undefined);
    const [attempt] = (await readRecord()).attempts;
    expect(attempt).toMatchObject({ status: 'uncertain', posted: 1 });
    expect(attempt!.messages).toBeGreaterThan(2);
    expect(first!.summary).toContain(`message 2 of ${attempt!.messages} of the edition of 2025-01-31 may or may not have arrived`);
    expect(first!.summary).toContain(`then \`--resend\` repeats it and posts the ${attempt!.messages - 2} after it`);

    const [resent] = await post('uncertain');
    expect(resent!.ok).toBe(true);
    const texts = postsTo('telegram').map((post) => post.body.text as string);
    // Message 1 once; message 2 again (its first answer never came), then the rest.
    expect(texts).toHaveLength(attempt!.messages + 1);
    expect(texts[2]).toBe(texts[1]);
    expect(new Set(texts).size).toBe(attempt!.messages);
  });

  it('posts the rest, not the whole edition again, after a channel refused a message midway', async () => {
    await storeEdition(folder.outputDir, DATE, makeBriefs(8));
    folder.chat.queue('telegram', TELEGRAM_OK, { status: 400, body: JSON.stringify({ ok: false, error_code: 400, description: 'Bad Request: chat not found' }) });
    const post = await preparePosts('telegram');

    const [first] = await post(undefined);
    expect(first!.summary).toMatch(/telegram#[0-9a-f]{8}: 1 of \d+ message\(s\) posted, then: .*chat not found; send again to post the rest/);

    const [again] = await post(undefined);
    expect(again!.summary).toMatch(/posted the edition of 2025-01-31 \(\d+ message\(s\), going on from message 2\)/);
    const [accepted, refused, ...rest] = postsTo('telegram').map((post) => post.body.text as string);
    expect(rest[0]).toBe(refused);
    expect(new Set([accepted, ...rest]).size).toBe(rest.length + 1);
  });

  it('is recorded uncertain when the post timed out', async () => {
    await storeEdition(folder.outputDir, DATE, makeBriefs(1));
    folder.chat.queue('slack', { drop: 'hold' });
    const post = await preparePosts('slack', { timeoutMs: 200 });

    const [result] = await post(undefined);
    expect(result).toMatchObject({ ok: false });
    expect(result!.summary).toMatch(/may or may not have arrived \(.*timed out: no answer within 0.2 s\)/);
    expect((await readRecord()).attempts).toEqual([expect.objectContaining({ status: 'uncertain', posted: 0 })]);

    const [again] = await post(undefined);
    expect(again!.summary).toContain('may or may not have arrived');
    expect(again!.summary).toContain('not repeated');
    expect(postsTo('slack')).toHaveLength(1);
  });
});
