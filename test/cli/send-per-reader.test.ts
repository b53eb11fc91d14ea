import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { toReaderId } from '../../src/reader-sends/to-reader-id.js';
import { type FakeSmtp, startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { makeSampleBriefs } from '../helpers/sample-brief.js';
import { readReaderOutcomes } from '../helpers/read-reader-states.js';
import { storeEdition } from '../helpers/store-edition.js';

const DATE = '2025-01-31';
// Fifty readers; the fifth's mailbox is gone (550), the tenth's server greylists (450).
const READERS = Array.from({ length: 50 }, (_, index) => `reader${String(index + 1).padStart(2, '0')}@example.com`);
const GONE = READERS[4]!;
const GREY = READERS[9]!;

let root: string;
let outputDir: string;
let smtp: FakeSmtp;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arxiv-brief-send-per-reader-'));
  outputDir = join(root, 'output');
  await storeEdition(outputDir, DATE, makeSampleBriefs());
  smtp = await startFakeSmtp({ rejectRecipients: [GONE], deferRecipients: [GREY] });
  env = { PATH: process.env.PATH, HOME: root, SUMMARIZE_OUTPUT_DIR: outputDir, SMTP_URL: smtp.url, SUMMARIZE_MAIL_FROM: 'brief@example.org', SUMMARIZE_MAIL_TO: READERS.join(', ') };
});
afterEach(async () => {
  await smtp.close();
  await rm(root, { recursive: true, force: true });
});

const send = (...args: string[]) => runCliCaptured(['send', '--date', DATE, ...args], env);
const readOutcomes = () => readReaderOutcomes(outputDir, DATE);
const recipientsOf = (from: number) => smtp.messages.slice(from).map((message) => message.to.join(','));

it('a connection dropped mid-DATA after 21 messages leaves only that reader uncertain; a rerun mails exactly the deferred and the never tried, --resend the uncertain one', async () => {
  // While the server holds each message, the sender's record must already say where every earlier reader stands.
  const notYetRecorded: string[] = [];
  smtp.onMessage = (message) => {
    const outcomes = readOutcomes();
    const position = READERS.indexOf(message.to[0]!);
    if (outcomes[message.to[0]!] !== 'uncertain') notYetRecorded.push(`${message.to[0]} in flight is ${outcomes[message.to[0]!]}`);
    for (const earlier of READERS.slice(0, position)) if (!['accepted', 'rejected', 'deferred'].includes(outcomes[earlier] ?? '')) notYetRecorded.push(`${earlier} before ${message.to[0]}`);
  };
  smtp.dropConnectionAfterMessage = 22;

  const first = await send();

  expect(notYetRecorded).toEqual([]);
  // Readers 1-23 answered (21 accepted, the fifth rejected, the tenth deferred); the 24th was in flight; 26 never tried.
  const dropped = READERS[23]!;
  expect(smtp.messages.at(-1)!.to).toEqual([dropped]);
  expect(first.code).toBe(3);
  expect(first.stderr).toContain(
    `sent the edition of 2025-01-31 to 21 readers; the server rejected 1 reader (${toReaderId(GONE)}); the server deferred 1 reader (${toReaderId(GREY)}) (a 4xx answer such as greylisting; the next send tries again); then the conversation about ${toReaderId(dropped)} broke off after the message was handed over (`,
  );
  expect(first.stderr).toContain('26 more readers not tried yet: `summarize send` again reaches them');
  expect(first.stderr).not.toContain('@example.com');
  const outcomes = readOutcomes();
  expect(Object.keys(outcomes)).toEqual(READERS.slice(0, 24));
  expect(Object.entries(outcomes).filter(([, outcome]) => outcome !== 'accepted')).toEqual([
    [GONE, 'rejected'],
    [GREY, 'deferred'],
    [dropped, 'uncertain'],
  ]);

  // The server works again and the greylisting has run its course.
  smtp.dropConnectionAfterMessage = undefined;
  smtp.deferRecipients = [];
  const sentBefore = smtp.messages.length;
  const rerun = await send();
  expect(recipientsOf(sentBefore)).toEqual([GREY, ...READERS.slice(24)]);
  expect(rerun.code).toBe(3);
  expect(rerun.stderr).toContain(`1 reader (${toReaderId(dropped)}) may or may not have the edition of 2025-01-31`);

  const resentFrom = smtp.messages.length;
  const resent = await send('--resend');
  expect(resent.code).toBe(0);
  expect(recipientsOf(resentFrom)).toEqual([dropped]);

  const settled = await send();
  expect(settled.code).toBe(0);
  expect(settled.stderr).toMatch(new RegExp(`already sent at .* to all 50 of these readers; the server rejected 1 reader \\(${toReaderId(GONE)}\\) then; nothing sent`));
  // Every reader but the one the server refused has it; only the uncertain one, on request, twice.
  const copies = new Map<string, number>();
  for (const message of smtp.messages) copies.set(message.to[0]!, (copies.get(message.to[0]!) ?? 0) + 1);
  expect(READERS.filter((reader) => copies.get(reader) !== 1)).toEqual([GONE, dropped]);
  expect(copies.get(dropped)).toBe(2);
});

it('a connection closed before the greeting after 20 messages is surely not sent: a plain rerun mails that reader and the 29 after, nobody twice', async () => {
  env.SUMMARIZE_MAIL_TO = READERS.filter((reader) => reader !== GONE && reader !== GREY).join(', ');
  const listed = env.SUMMARIZE_MAIL_TO.split(', ');
  smtp.closeBeforeGreetingFrom = 21;

  const first = await send();

  expect(first.code).toBe(3);
  expect(recipientsOf(0)).toEqual(listed.slice(0, 20));
  expect(first.stderr).toContain(`sent the edition of 2025-01-31 to 20 readers; then sending through the SMTP server 127.0.0.1:${smtp.port} failed (ECONNECTION): Connection closed unexpectedly (nothing went to ${toReaderId(listed[20]!)}); 27 more readers not reached`);
  expect(first.stderr).not.toMatch(/may or may not/);
  expect(readOutcomes()[listed[20]!]).toBe('failed');

  smtp.closeBeforeGreetingFrom = undefined;
  const rerun = await send();
  expect(rerun.code).toBe(0);
  expect(recipientsOf(20)).toEqual(listed.slice(20));
});

it('send --status counts the readers per outcome and lists each by id, with no address', async () => {
  const listed = [READERS[0]!, READERS[1]!, GONE, READERS[2]!, READERS[3]!];
  env.SUMMARIZE_MAIL_TO = listed.join(', ');
  smtp.dropConnectionAfterMessage = 3;
  expect((await send()).code).toBe(3);

  const status = await send('--status');

  expect(status.code).toBe(0);
  const [heading, ...lines] = status.stdout.trimEnd().split('\n');
  expect(heading).toBe('the edition of 2025-01-31: 5 readers, 2 accepted, 1 rejected, 1 uncertain, 1 not tried');
  expect(lines.map((line) => line.split('  ').slice(0, 2).join(' ').trimEnd())).toEqual([
    `${toReaderId(listed[0]!)} accepted`,
    `${toReaderId(listed[1]!)} accepted`,
    `${toReaderId(GONE)} rejected`,
    `${toReaderId(listed[3]!)} uncertain`,
    `${toReaderId(listed[4]!)} not tried`,
  ]);
  // The server's 550 quoted the address; the status names the reader by id there too.
  expect(lines[2]).toMatch(new RegExp(`^${toReaderId(GONE)}  rejected .*${toReaderId(GONE)}>?: mailbox unavailable`));
  expect(`${status.stdout}${status.stderr}`).not.toContain('@');
});
