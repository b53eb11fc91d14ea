import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { toReaderId } from '../../src/reader-sends/to-reader-id.js';
import { type FakeSmtp, startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { makeSampleBriefs } from '../helpers/sample-brief.js';
import { readReaderOutcomes } from '../helpers/read-reader-states.js';
import { storeEdition } from '../helpers/store-edition.js';

// The built CLI, as users run it: `npm test` builds it first (pretest).
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(PROJECT_ROOT, 'bin/summarize.js');
const DATE = '2025-01-31';
const READERS = Array.from({ length: 50 }, (_, index) => `reader${String(index + 1).padStart(2, '0')}@example.com`);

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

it('a send killed after 25 of 50 readers: a rerun mails the 24 never tried, --resend the one in flight, nobody else twice', async () => {
  root = await mkdtemp(join(tmpdir(), 'arxiv-brief-send-crash-'));
  const outputDir = join(root, 'output');
  await storeEdition(outputDir, DATE, makeSampleBriefs());
  smtp = await startFakeSmtp();
  // The 26th message arrives whole and is never answered: the process is killed while it is in flight.
  smtp.holdRepliesFrom = 26;
  const env = { PATH: process.env.PATH, HOME: root, SUMMARIZE_OUTPUT_DIR: outputDir, SMTP_URL: smtp.url, SUMMARIZE_MAIL_FROM: 'brief@example.org', SUMMARIZE_MAIL_TO: READERS.join(', ') };

  const running = spawn(process.execPath, [BIN, 'send', '--date', DATE], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child = running;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => running.once('exit', (_code, signal) => resolve(signal)));
  await Promise.race([smtp.waitForMessages(26), exited]);
  expect(smtp.messages).toHaveLength(26);
  running.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  expect(readReaderOutcomes(outputDir, DATE)).toEqual(Object.fromEntries(READERS.slice(0, 26).map((reader, index) => [reader, index < 25 ? 'accepted' : 'uncertain'])));

  smtp.holdRepliesFrom = undefined;
  const rerun = await runCliCaptured(['send', '--date', DATE], env);
  expect(rerun.code).toBe(3);
  expect(smtp.messages.slice(26).map((message) => message.to[0])).toEqual(READERS.slice(26));
  expect(rerun.stderr).toContain(`1 reader (${toReaderId(READERS[25]!)}) may or may not have the edition of 2025-01-31 (the send stopped while this message was in flight, before the server answered`);

  const resent = await runCliCaptured(['send', '--date', DATE, '--resend'], env);
  expect(resent.code).toBe(0);
  expect(smtp.messages.slice(50).map((message) => message.to[0])).toEqual([READERS[25]]);
});
