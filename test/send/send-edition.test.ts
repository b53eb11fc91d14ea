import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { sendEdition } from '../../src/send/send-edition.js';
import { type FakeSmtp, startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';
import { storeEdition } from '../helpers/store-edition.js';

const DATE = '2025-01-31';
let root: string;
let smtp: FakeSmtp;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arxiv-brief-send-edition-'));
  smtp = await startFakeSmtp();
});
afterEach(async () => {
  await smtp.close();
  await rm(root, { recursive: true, force: true });
});

it('records a conversation that broke off after the message was handed over as "may have gone out", and does not repeat it without resend', async () => {
  const outputDir = join(root, 'output');
  await storeEdition(outputDir, DATE, [makeSampleBrief()]);
  const config = loadConfig({
    env: { SUMMARIZE_OUTPUT_DIR: outputDir, SMTP_URL: smtp.url, SUMMARIZE_MAIL_FROM: 'brief@example.org', SUMMARIZE_MAIL_TO: 'ada@example.com' },
    envFile: join(root, 'no.env'),
  });
  const lines: string[] = [];
  const options = { date: DATE, dryRun: false, resend: false, log: (line: string) => lines.push(line), timeoutMs: 500 };

  smtp.holdReplies = true;
  const timedOut = await sendEdition(config, options);
  expect(timedOut.outcome).toBe('failed');
  expect(timedOut.summary).toMatch(/may or may not have gone out: .*; check a recipient's inbox, then run again with --resend/);
  expect(smtp.messages).toHaveLength(1);
  const record = JSON.parse(await readFile(join(outputDir, 'mail', `${DATE}.sent.json`), 'utf8'));
  expect(record.attempts[0]).toMatchObject({ status: 'unknown', error: expect.stringContaining('did not answer in time') });

  smtp.holdReplies = false;
  const refused = await sendEdition(config, options);
  expect(refused.outcome).toBe('failed');
  expect(refused.summary).toContain('broke off (');
  expect(smtp.messages).toHaveLength(1);

  const resent = await sendEdition(config, { ...options, resend: true });
  expect(resent.outcome).toBe('done');
  expect(smtp.messages).toHaveLength(2);
  expect(lines.filter((line) => line.startsWith('sending the edition of 2025-01-31'))).toHaveLength(2);
});
