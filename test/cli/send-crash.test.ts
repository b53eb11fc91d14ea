import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { type FakeSmtp, startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { makeSampleBriefs } from '../helpers/sample-brief.js';
import { storeEdition } from '../helpers/store-edition.js';

// The built CLI, as users run it: `npm test` builds it first (pretest).
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(PROJECT_ROOT, 'bin/summarize.js');
const DATE = '2025-01-31';

let root: string | undefined;
let smtp: FakeSmtp | undefined;
let child: ChildProcess | undefined;

beforeAll(() => {
  if (!existsSync(join(PROJECT_ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await smtp?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

it('a send killed after the server has the message is not repeated without --resend', async () => {
  root = await mkdtemp(join(tmpdir(), 'arxiv-brief-send-crash-'));
  const outputDir = join(root, 'output');
  await storeEdition(outputDir, DATE, makeSampleBriefs());
  smtp = await startFakeSmtp();
  smtp.holdReplies = true;
  const env = {
    PATH: process.env.PATH,
    HOME: root,
    SUMMARIZE_OUTPUT_DIR: outputDir,
    SMTP_URL: smtp.url,
    SUMMARIZE_MAIL_FROM: 'brief@example.org',
    SUMMARIZE_MAIL_TO: 'ada@example.com',
  };

  const running = spawn(process.execPath, [BIN, 'send', '--date', DATE], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child = running;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => running.once('exit', (_code, signal) => resolve(signal)));
  const deadline = Date.now() + 20_000;
  while (smtp.messages.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(smtp.messages).toHaveLength(1);
  running.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const record = JSON.parse(await readFile(join(outputDir, 'mail', `${DATE}.sent.json`), 'utf8'));
  expect(record.attempts).toEqual([expect.objectContaining({ status: 'sending', recipients: ['ada@example.com'] })]);

  smtp.holdReplies = false;
  const again = await runCliCaptured(['send', '--date', DATE], env);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('did not finish: the message may have gone out');
  expect(smtp.messages).toHaveLength(1);

  const resent = await runCliCaptured(['send', '--date', DATE, '--resend'], env);
  expect(resent.code).toBe(0);
  expect(smtp.messages).toHaveLength(2);
});
