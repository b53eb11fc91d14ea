import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Channel, parseChannelUrl } from '../../src/config/parse-channel-url.js';
import { checkChannel } from '../../src/doctor/check-channel.js';
import { type FakeChat, startFakeChat } from '../fakes/fake-chat-server.js';

let chat: FakeChat;
beforeEach(async () => {
  chat = await startFakeChat();
});
afterEach(async () => {
  await chat.close();
});

function channelOf(webhook: string): Channel {
  const parsed = parseChannelUrl(webhook);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

it('checks each channel without posting: Telegram getMe, the Discord webhook by GET, Slack and JSON by their shape', async () => {
  const results = await Promise.all((['telegram', 'discord', 'slack', 'json'] as const).map((service) => checkChannel(channelOf(chat.webhook(service)), 2000)));
  expect(results.map((result) => result.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  expect(results[0]!.message).toBe('the bot answers getMe');
  expect(results[2]!.message).toContain('not posted to');
  expect(chat.posts).toHaveLength(0);
  expect(chat.checks).toEqual(expect.arrayContaining([expect.stringMatching(/\/telegram\/bot123456:.*\/getMe$/), expect.stringMatching(/^\/discord\/webhooks\/42\//)]));
  for (const result of results) expect(JSON.stringify(result)).not.toContain('SecretKey');
});

it('fails a revoked Telegram bot or Discord webhook, naming it by its label only', async () => {
  const telegram = await checkChannel(channelOf(chat.webhook('telegram', 'RevokedKey987654321')), 2000);
  const discord = await checkChannel(channelOf(chat.webhook('discord', 'RevokedKey987654321')), 2000);
  expect(telegram).toMatchObject({ status: 'failed', message: 'the telegram webhook was refused (HTTP 401)' });
  expect(discord).toMatchObject({ status: 'failed', message: 'the discord webhook was refused (HTTP 404)' });
  expect(JSON.stringify([telegram, discord])).not.toContain('RevokedKey');
  expect(chat.posts).toHaveLength(0);
});
