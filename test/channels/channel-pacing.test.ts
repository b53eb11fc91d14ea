import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannelPacer } from '../../src/channels/create-channel-pacer.js';
import { postChannelMessage } from '../../src/channels/post-channel-message.js';
import type { Channel } from '../../src/config/parse-channel-url.js';
import { parseChannelUrl } from '../../src/config/parse-channel-url.js';
import { type FakeChat, startFakeChat } from '../fakes/fake-chat-server.js';

let chat: FakeChat;
beforeEach(async () => {
  chat = await startFakeChat();
});
afterEach(async () => {
  await chat.close();
});

// Posts `count` messages to the channel as a send does, on a virtual clock; returns when (virtual ms) each request started.
async function postOnSchedule(webhook: string, count: number): Promise<number[]> {
  const channel = parseChannelUrl(webhook) as Channel;
  let clock = 0;
  const starts: number[] = [];
  const pacer = createChannelPacer({ now: () => clock, sleep: async (milliseconds) => void (clock += milliseconds) });
  const fetch: typeof globalThis.fetch = (url, init) => {
    starts.push(clock);
    return globalThis.fetch(url, init);
  };
  for (let index = 0; index < count; index++) await postChannelMessage(channel, { text: `message ${index + 1}` }, pacer, { maxRetryAfterMs: 60_000, fetch });
  return starts;
}

const gaps = (starts: number[]) => starts.slice(1).map((start, index) => start - starts[index]!);
// The shortest time any `count` consecutive requests took, from the first's start to the last's.
const shortestSpan = (starts: number[], count: number) => Math.min(...starts.slice(count - 1).map((start, index) => start - starts[index]!));

describe('the pace of posts to one channel', () => {
  it('Telegram: one message a second to a chat, and at most 20 a minute to a group', async () => {
    const group = await postOnSchedule(chat.webhook('telegram'), 25);
    expect(Math.min(...gaps(group))).toBeGreaterThanOrEqual(1000);
    expect(shortestSpan(group, 21)).toBeGreaterThanOrEqual(60_000);

    const person = await postOnSchedule(chat.webhook('telegram').replace('chat_id=-100200300', 'chat_id=4242'), 25);
    expect(gaps(person)).toEqual(Array.from({ length: 24 }, () => 1000));
  });

  it('Discord: at most 5 requests in any 2 s per webhook', async () => {
    const starts = await postOnSchedule(chat.webhook('discord'), 12);
    expect(shortestSpan(starts, 6)).toBeGreaterThanOrEqual(2000);
    expect(starts.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
  });

  it("Discord: waits for the bucket to refill when its headers say it is empty, and for a 429's retry_after", async () => {
    chat.queue(
      'discord',
      { status: 204, body: '', headers: { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '3.5' } },
      { status: 429, body: JSON.stringify({ message: 'You are being rate limited.', retry_after: 2.25, global: false }), headers: { 'content-type': 'application/json', 'retry-after': '3' } },
    );
    const starts = await postOnSchedule(chat.webhook('discord'), 2);
    // The first message; the second held 3.5 s by the empty bucket, refused with 429, and sent again 2.25 s later.
    expect(starts).toEqual([0, 3500, 5750]);
    expect(chat.posts).toHaveLength(3);
  });

  it('Slack: one message a second per webhook', async () => {
    const starts = await postOnSchedule(chat.webhook('slack'), 4);
    expect(starts).toEqual([0, 1000, 2000, 3000]);
  });
});
