import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { storeEdition } from '../helpers/store-edition.js';
import { makeChatBriefs as makeBriefs, useChatFolder } from '../helpers/use-chat-folder.js';

const DATE = '2025-01-31';
const KEY = 'SecretKey0123456789abcdef';
const folder = useChatFolder();

type SlackBlock = { type: string; text?: { text: string }; elements?: Array<{ elements: Array<{ type: string; text: string; url?: string }> }> };

// What Slack shows of a block: a header's text, or a rich-text block's links and text.
function readSlackText(block: SlackBlock): string {
  return block.text?.text ?? (block.elements ?? []).flatMap((section) => section.elements.map((element) => element.text)).join('');
}

async function readOutputFolder(folder: string): Promise<string> {
  const names = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = names.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return (await Promise.all(files.map((file) => readFile(file, 'latin1')))).join('\n');
}


describe('summarize send to chat channels', () => {
  it('posts each service its own payload within its limits, split where needed, once, with the URLs never shown or written', async () => {
    const { outputDir, chat } = folder;
    await storeEdition(outputDir, DATE, makeBriefs(30));
    const webhooks = (['slack', 'discord', 'telegram', 'json'] as const).map((service) => chat.webhook(service));
    const env = { SUMMARIZE_OUTPUT_DIR: outputDir, SUMMARIZE_WEBHOOKS: webhooks.join(','), SUMMARIZE_PUBLIC_URL: 'https://brief.example.org/', SUMMARIZE_MAX_RETRY_AFTER_MS: '5000' };

    const first = await runCliCaptured(['send', '--date', DATE], env);
    expect(first.stderr).toContain('posted the edition of 2025-01-31');
    expect(first.code).toBe(0);

    const slack = chat.posts.filter((post) => post.service === 'slack').map((post) => post.body as { text: string; blocks: SlackBlock[] });
    expect(slack.length).toBeGreaterThan(1);
    expect(slack[0]!.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    expect(slack[0]!.blocks[0]!.text!.text).toContain(DATE);
    for (const message of slack) {
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      expect(message.blocks.reduce((sum, block) => sum + readSlackText(block).length, 0)).toBeLessThanOrEqual(12_000);
      for (const block of message.blocks) expect(readSlackText(block).length).toBeLessThanOrEqual(block.type === 'header' ? 150 : 3000);
    }
    const slackElements = slack.flatMap((message) => message.blocks.flatMap((block) => block.elements?.flatMap((section) => section.elements) ?? []));
    expect(slackElements[0]).toEqual({ type: 'link', url: 'https://brief.example.org/papers/2501.10000v1.html', text: expect.stringContaining('1. Paper 1 <on> "retrieval" & long-context'), style: { bold: true } });
    expect(slackElements.at(-1)).toEqual({ type: 'link', url: 'https://brief.example.org/digests/2025-01-31.html', text: 'Read the full edition of 2025-01-31' });
    expect(slackElements.map((element) => element.text).join('\n').match(/Paper \d+ shows that/g)).toHaveLength(30);

    const discord = chat.posts.filter((post) => post.service === 'discord').map((post) => post.body as { embeds: Array<{ title: string; description: string; url: string }> });
    expect(discord.length).toBeGreaterThan(1);
    for (const message of discord) {
      expect(message.embeds).toHaveLength(1);
      expect(message.embeds[0]!.title.length).toBeLessThanOrEqual(256);
      expect(message.embeds[0]!.description.length).toBeLessThanOrEqual(4096);
      expect(message.embeds[0]!.title.length + message.embeds[0]!.description.length).toBeLessThanOrEqual(6000);
      expect(message.embeds[0]!.url).toBe('https://brief.example.org/digests/2025-01-31.html');
    }
    const discordText = discord.map((message) => message.embeds[0]!.description).join('\n');
    expect(discordText).toContain('**1. [Paper 1 <on\\> "retrieval" & long-context');
    expect(discordText).toContain('](https://brief.example.org/papers/2501.10000v1.html)**');
    expect(discordText.match(/Paper \d+ shows that/g)).toHaveLength(30);

    const telegram = chat.posts.filter((post) => post.service === 'telegram');
    expect(telegram.length).toBeGreaterThan(1);
    for (const post of telegram) {
      expect(post.query.chat_id).toBe('-100200300');
      expect(post.body).toMatchObject({ parse_mode: 'HTML' });
      expect([...(post.body.text as string)].length).toBeLessThanOrEqual(4096);
    }
    const telegramText = telegram.map((post) => post.body.text as string).join('\n');
    expect(telegramText).toContain('<b>1. <a href="https://brief.example.org/papers/2501.10000v1.html">Paper 1 &lt;on&gt; &quot;retrieval&quot; &amp; long-context');
    expect(telegramText.match(/Paper \d+ shows that/g)).toHaveLength(30);

    const json = chat.posts.filter((post) => post.service === 'json');
    expect(json).toHaveLength(1);
    expect(json[0]!.body).toMatchObject({ date: DATE, editionUrl: 'https://brief.example.org/digests/2025-01-31.html' });
    expect((json[0]!.body.items as unknown[]).length).toBe(30);

    const postsAfterFirst = chat.posts.length;
    const second = await runCliCaptured(['send', '--date', DATE], env);
    expect(second.code).toBe(0);
    expect(chat.posts).toHaveLength(postsAfterFirst);
    expect(second.stderr.match(/already posted/g)).toHaveLength(4);

    const everything = [first.stdout, first.stderr, second.stdout, second.stderr, await readOutputFolder(outputDir)].join('\n');
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain('127.0.0.1');
    expect(await readFile(join(outputDir, 'mail', `${DATE}.channels.json`), 'utf8')).toMatch(/"channel": "slack#[0-9a-f]{8}"/);
  });

  it('waits out a 429 as each service asks, and a failing channel does not stop the others (exit 3)', async () => {
    const { outputDir, chat } = folder;
    await storeEdition(outputDir, DATE, makeBriefs(2));
    chat.queue('discord', { status: 429, body: JSON.stringify({ message: 'You are being rate limited.', retry_after: 0.05, global: false }) });
    chat.queue('telegram', { status: 429, body: JSON.stringify({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 0.05 } }) });
    chat.queue('slack', { status: 429, body: 'rate_limited', headers: { 'retry-after': '3600' } });
    const webhooks = [chat.webhook('slack'), chat.webhook('discord'), chat.webhook('telegram')];
    const env = { SUMMARIZE_OUTPUT_DIR: outputDir, SUMMARIZE_WEBHOOKS: webhooks.join(','), SUMMARIZE_MAX_RETRY_AFTER_MS: '5000' };

    const result = await runCliCaptured(['send', '--date', DATE], env);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/summarize: slack#[0-9a-f]{8}: not posted: slack#[0-9a-f]{8} asked to wait 3600 s \(429\), longer than SUMMARIZE_MAX_RETRY_AFTER_MS allows/);
    expect(chat.posts.filter((post) => post.service === 'slack')).toHaveLength(1);
    expect(chat.posts.filter((post) => post.service === 'discord')).toHaveLength(2);
    expect(chat.posts.filter((post) => post.service === 'telegram')).toHaveLength(2);
    expect(result.stderr).toMatch(/discord#[0-9a-f]{8}: posted/);
    expect(result.stderr).toMatch(/telegram#[0-9a-f]{8}: posted/);
    expect(result.stderr).not.toContain(KEY);

    // The failed channel alone goes on the next send; the posted ones are not repeated.
    const retry = await runCliCaptured(['send', '--date', DATE], env);
    expect(retry.code).toBe(0);
    expect(chat.posts.filter((post) => post.service === 'slack')).toHaveLength(2);
    expect(chat.posts.filter((post) => post.service === 'discord')).toHaveLength(2);
  });

  it("keeps every part of a webhook's path and query secret, digits or not, also when a refusal quotes it", async () => {
    const { outputDir, chat } = folder;
    await storeEdition(outputDir, DATE, makeBriefs(1));
    const token = 'TokenWithoutAnyDigits';
    const json = chat.webhook('json', token);
    const path = new URL(json.replace(/^json\+/, '')).pathname;
    // A 404 page that quotes the path, one that names the token alone, and one whose 200-character cut falls inside the token.
    chat.queue('json', { status: 404, body: `Cannot POST ${path}`, headers: { 'content-type': 'text/plain' } });
    chat.queue('discord', { status: 404, body: JSON.stringify({ message: `Unknown webhook token ${token}`, code: 10015 }) });
    chat.queue('slack', { status: 404, body: `${'x'.repeat(190)} ${token}`, headers: { 'content-type': 'text/plain' } });
    const env = { SUMMARIZE_OUTPUT_DIR: outputDir, SUMMARIZE_WEBHOOKS: [json, chat.webhook('discord', token), chat.webhook('slack', token)].join(',') };

    const result = await runCliCaptured(['send', '--date', DATE], env);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/json#[0-9a-f]{8}: not posted: json#[0-9a-f]{8} refused the message: HTTP 404 Cannot POST \[redacted\]/);
    const record = await readFile(join(outputDir, 'mail', `${DATE}.channels.json`), 'utf8');
    for (const text of [result.stderr, record]) {
      expect(text).not.toContain('TokenWith');
      expect(text).not.toContain(path);
    }
  });

  it('never echoes a URL in a usage error, wherever on the command line it is', async () => {
    const { outputDir, chat } = folder;
    await storeEdition(outputDir, DATE, makeBriefs(1));
    const telegram = chat.webhook('telegram', 'TokenWithoutAnyDigits').replace(/^telegram\+/, '');
    for (const argv of [
      ['send', '--date', DATE, telegram],
      ['send', '--date', DATE, `--webhok=${telegram}`],
      ['send', '--date', telegram],
    ]) {
      const result = await runCliCaptured(argv, { SUMMARIZE_OUTPUT_DIR: outputDir });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).not.toContain('TokenWithoutAnyDigits');
      expect(result.stderr).not.toContain('bot123456');
      expect(result.stderr).not.toContain('127.0.0.1');
    }
    expect(chat.posts).toHaveLength(0);
  });

  it('refuses a webhook it cannot use in one line, without quoting it', async () => {
    const { outputDir, chat } = folder;
    await storeEdition(outputDir, DATE, makeBriefs(1));
    const result = await runCliCaptured(['send', '--date', DATE, '--webhook', `ftp://example.org/${KEY}`], { SUMMARIZE_OUTPUT_DIR: outputDir });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).toContain('--webhook: webhook 1: a webhook has the scheme ftp:');
    expect(result.stderr).not.toContain(KEY);
    expect(chat.posts).toHaveLength(0);
  });
});
