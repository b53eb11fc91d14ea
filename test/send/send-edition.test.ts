import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import sharp from 'sharp';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { sendEdition } from '../../src/send/send-edition.js';
import { type FakeSmtp, startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';
import { readReaderStates } from '../helpers/read-reader-states.js';
import { storeEdition } from '../helpers/store-edition.js';

const DATE = '2025-01-31';
let root: string;
let outputDir: string;
let smtp: FakeSmtp;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arxiv-brief-send-edition-'));
  outputDir = join(root, 'output');
  smtp = await startFakeSmtp();
});
afterEach(async () => {
  await smtp.close();
  await rm(root, { recursive: true, force: true });
});

const configFor = (env: Record<string, string> = {}) =>
  loadConfig({
    env: { SUMMARIZE_OUTPUT_DIR: outputDir, SMTP_URL: smtp.url, SUMMARIZE_MAIL_FROM: 'brief@example.org', SUMMARIZE_MAIL_TO: 'ada@example.com', ...env },
    envFile: join(root, 'no.env'),
  });
const readStates = () => readReaderStates(outputDir, DATE);

it('records a conversation that broke off after the message was handed over as uncertain, and repeats it only with resend', async () => {
  await storeEdition(outputDir, DATE, [makeSampleBrief()]);
  const config = configFor();
  const lines: string[] = [];
  const options = { date: DATE, dryRun: false, log: (line: string) => lines.push(line) };

  // The server takes the whole message, then hangs up without an answer.
  smtp.dropConnectionAfterMessage = 1;
  const dropped = await sendEdition(config, options);
  expect(dropped.outcome).toBe('failed');
  expect(dropped.summary).toMatch(/^the edition of 2025-01-31 was not sent: the conversation about #[0-9a-f]{8} broke off after the message was handed over \(.*Connection closed unexpectedly\): that copy may or may not have arrived/);
  expect(smtp.messages).toHaveLength(1);
  expect(readStates().at(-1)).toMatchObject({ outcome: 'uncertain', reason: expect.stringContaining('Connection closed unexpectedly') });

  const refused = await sendEdition(config, options);
  expect(refused.outcome).toBe('failed');
  expect(refused.summary).toContain('may or may not have the edition of 2025-01-31');
  expect(smtp.messages).toHaveLength(1);

  const resent = await sendEdition(config, { ...options, resend: 'uncertain' });
  expect(resent.outcome).toBe('done');
  expect(smtp.messages).toHaveLength(2);
  expect(lines.filter((line) => line.startsWith('sending the edition of 2025-01-31'))).toHaveLength(2);
});

it('--dry-run writes the .eml byte for byte as the server receives it: CRLF line ends, the same boundaries and headers', async () => {
  await storeEdition(outputDir, DATE, makeSampleBriefs());
  const config = configFor({ SUMMARIZE_MAIL_UNSUBSCRIBE: 'https://news.example.org/unsubscribe', SUMMARIZE_UNSUBSCRIBE_SECRET: 'a-secret-of-at-least-16-characters' });
  const now = () => new Date('2025-01-31T06:00:00.000Z');
  const options = { date: DATE, log: () => undefined, now };

  const dry = await sendEdition(config, { ...options, dryRun: true });
  const eml = await readFile(dry.emlPath!);
  expect((await sendEdition(config, { ...options, dryRun: false })).outcome).toBe('done');

  expect(eml.toString('latin1').match(/(?<!\r)\n/g)).toBeNull();
  expect(eml.equals(smtp.messages[0]!.raw)).toBe(true);
  expect(dry.sizes?.message).toBe(smtp.messages[0]!.raw.length);
});

it('without a public URL, embeds each flowchart at twice the width it is shown, and a 25-paper email weighs under 300 KB as sent', async () => {
  const samples = makeSampleBriefs();
  const briefs = Array.from({ length: 25 }, (_, index) => {
    const sample = samples[index % samples.length]!;
    return makeSampleBrief({ ...sample, paper: { ...sample.paper, id: `2501.${String(10_000 + index)}` } });
  });
  await storeEdition(outputDir, DATE, briefs);

  const dry = await sendEdition(configFor(), { date: DATE, dryRun: true, log: () => undefined });

  const raw = await readFile(dry.emlPath!);
  expect(raw.length).toBeLessThan(300_000);
  const mail = await simpleParser(raw, { keepCidLinks: true });
  const shown = new Map([...(mail.html as string).matchAll(/<img [^>]*src="cid:([^"]+)"[^>]*width="(\d+)"/g)].map((match) => [match[1]!, Number(match[2])]));
  expect(shown.size).toBeGreaterThan(0);
  expect(mail.attachments.map((attachment) => attachment.cid).sort()).toEqual([...shown.keys()].sort());
  for (const attachment of mail.attachments) {
    const { width } = await sharp(attachment.content).metadata();
    expect(width).toBe(2 * shown.get(attachment.cid!)!);
  }
});
