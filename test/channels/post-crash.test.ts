import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { makeSampleBriefs } from '../helpers/sample-brief.js';
import { storeEdition } from '../helpers/store-edition.js';
import { useChatFolder } from '../helpers/use-chat-folder.js';

// The built CLI, as users run it: `npm test` builds it first (pretest).
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(PROJECT_ROOT, 'bin/summarize.js');
const DATE = '2025-01-31';

const folder = useChatFolder();
let child: ChildProcess | undefined;

beforeAll(() => {
  if (!existsSync(join(PROJECT_ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
});
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

// A real `send` posting to Slack, then Discord (whose answer the fake holds), then Telegram, killed while Discord has the post.
async function killWhilePostingToDiscord() {
  const { root, outputDir, chat } = folder;
  await storeEdition(outputDir, DATE, makeSampleBriefs());
  chat.queue('discord', { drop: 'hold' });
  const env = { PATH: process.env.PATH, HOME: root, SUMMARIZE_OUTPUT_DIR: outputDir, SUMMARIZE_WEBHOOKS: [chat.webhook('slack'), chat.webhook('discord'), chat.webhook('telegram')].join(',') };
  const running = spawn(process.execPath, [BIN, 'send', '--date', DATE], { cwd: root, env, stdio: ['ignore', 'ignore', 'ignore'] });
  child = running;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => running.once('exit', (_code, signal) => resolve(signal)));
  await chat.waitForPosts(2);
  running.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(chat.posts.map((post) => post.service)).toEqual(['slack', 'discord']);
  const record = JSON.parse(await readFile(join(outputDir, 'mail', `${DATE}.channels.json`), 'utf8')) as { attempts: Array<{ channel: string; status: string }> };
  expect(record.attempts.map((attempt) => `${attempt.channel.split('#')[0]} ${attempt.status}`)).toEqual(['slack sent', 'discord sending']);
  return env;
}

const countPosts = () => Object.fromEntries(['slack', 'discord', 'telegram'].map((service) => [service, folder.chat.posts.filter((post) => post.service === service).length]));

it('after a kill mid-post, --resend posts only to the channels not recorded as delivered', async () => {
  const env = await killWhilePostingToDiscord();

  const resent = await runCliCaptured(['send', '--date', DATE, '--resend'], env);
  expect(resent.code).toBe(0);
  // Today --resend posted to all three: Slack showed the edition twice.
  expect(countPosts()).toEqual({ slack: 1, discord: 2, telegram: 1 });
});

it('after a kill mid-post, a plain send posts to the channel never tried and leaves the one in doubt to a person', async () => {
  const env = await killWhilePostingToDiscord();

  const again = await runCliCaptured(['send', '--date', DATE], env);
  expect(again.code).toBe(3);
  expect(again.stderr).toMatch(/discord#[0-9a-f]{8}: message 1 of 1 of the edition of 2025-01-31 may or may not have arrived \(the send stopped while posting it, \S+\); not repeated: check the channel, then `--resend` repeats it\n/);
  expect(countPosts()).toEqual({ slack: 1, discord: 1, telegram: 1 });
});
