import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AddressObject, simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSmtp, startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';
import { readReaderOutcomes, readReaderStates } from '../helpers/read-reader-states.js';
import { storeEdition } from '../helpers/store-edition.js';
import { toReaderId as readerId } from '../../src/reader-sends/to-reader-id.js';

const DATE = '2025-01-31';
const PASSWORD = 'Sm7p-s3cret-Pa55';
let root: string;
let outputDir: string;
let smtp: FakeSmtp;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arxiv-brief-send-'));
  outputDir = join(root, 'output');
  await storeEdition(outputDir, DATE, makeSampleBriefs());
  smtp = await startFakeSmtp({ pass: PASSWORD, rejectRecipients: ['gone@example.net'] });
  env = {
    PATH: process.env.PATH,
    HOME: root,
    SUMMARIZE_OUTPUT_DIR: outputDir,
    SMTP_URL: smtp.url,
    SUMMARIZE_MAIL_FROM: 'arXiv Brief <brief@example.org>',
    SUMMARIZE_MAIL_TO: 'ada@example.com, alan@example.com',
  };
});
afterEach(async () => {
  await smtp.close();
  await rm(root, { recursive: true, force: true });
});

const send = (...args: string[]) => runCliCaptured(['send', '--date', DATE, ...args], env);
const readStates = async () => readReaderStates(outputDir, DATE);
const outcomes = async () => readReaderOutcomes(outputDir, DATE);
const parse = (raw: Buffer) => simpleParser(raw, { keepCidLinks: true });
const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  [field ?? []].flat().flatMap((entry) => entry.value.map((mailbox) => mailbox.address));

// Every file under the output folder, to prove the password was written nowhere.
async function readAllFiles(folder: string): Promise<string> {
  const names = await readdir(folder, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(names.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'latin1')));
  return texts.join('\n');
}

describe('summarize send', () => {
  it('mails each reader their own multipart/alternative edition with CID flowcharts, records it, and never shows the password', async () => {
    const result = await send();
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/sent the edition of 2025-01-31 to 2 readers$/m);
    expect(smtp.messages.map((message) => message.to)).toEqual([['ada@example.com'], ['alan@example.com']]);
    const [received] = smtp.messages;
    expect(received!.from).toBe('brief@example.org');
    expect(received!.raw.toString('latin1')).toMatch(/Content-Type: multipart\/alternative/);

    const mail = await parse(received!.raw);
    expect(mail.subject).toBe('arXiv Brief — 2025-01-31: 3 papers');
    expect(addresses(mail.from)).toEqual(['brief@example.org']);
    // Each copy is addressed to its reader, who sees no other reader.
    expect(addresses(mail.to)).toEqual(['ada@example.com']);
    expect(received!.raw.toString('latin1')).not.toMatch(/alan@example\.com/);
    expect(smtp.messages[1]!.raw.toString('latin1')).not.toMatch(/ada@example\.com/);
    // Each reader's copy has its own Message-ID: the edition's hash, then the reader's.
    expect(mail.messageId).toMatch(/^<2025-01-31\.[0-9a-f]{16}\.[0-9a-f]{8}@example\.org>$/);
    const alans = await parse(smtp.messages[1]!.raw);
    expect(alans.messageId).not.toBe(mail.messageId);
    expect(alans.messageId!.split('.')[1]).toBe(mail.messageId!.split('.')[1]);
    for (const brief of makeSampleBriefs()) {
      expect(mail.text).toContain(brief.paper.title);
      expect(mail.html).toContain(brief.paper.title);
      expect(mail.text).toContain(`https://arxiv.org/abs/${brief.paper.id}v${brief.paper.version}`);
    }
    const html = mail.html as string;
    expect(html).not.toMatch(/data:/i);
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
    // Absolute https links, or the jumps from "In this issue" to a card of the same message.
    for (const href of html.match(/href="[^"]*"/g) ?? []) expect(href).toMatch(/^href="(https:\/\/|#paper-\d+")/);
    const cids = [...html.matchAll(/src="cid:([^"]+)"/g)].map((match) => match[1]);
    expect(cids).toHaveLength(3);
    expect(mail.attachments.map((attachment) => attachment.cid).sort()).toEqual([...cids].sort());
    expect(mail.attachments.every((attachment) => attachment.contentType === 'image/png' && attachment.content.subarray(1, 4).toString() === 'PNG')).toBe(true);

    expect(await readStates()).toEqual([
      expect.objectContaining({ mailbox: 'ada@example.com', outcome: 'accepted', messageId: mail.messageId }),
      expect.objectContaining({ mailbox: 'alan@example.com', outcome: 'accepted', messageId: alans.messageId }),
    ]);
    expect(existsSync(join(outputDir, 'digests', `${DATE}.email.html`))).toBe(true);
    expect(await readFile(join(outputDir, 'digests', `${DATE}.txt`), 'utf8')).toBe(mail.text);
    expect(`${result.stdout}${result.stderr}${await readAllFiles(outputDir)}`).not.toContain(PASSWORD);
  });

  it('links the web archive, where the flowcharts are, under an https public URL, with no attachments', async () => {
    env.SUMMARIZE_PUBLIC_URL = 'https://news.example.org/brief/';
    env.SUMMARIZE_MAIL_UNSUBSCRIBE = 'mailto:leave@example.org?subject=unsubscribe';
    env.SUMMARIZE_MAIL_SUBJECT = 'Papers of the day';
    expect((await send()).code).toBe(0);
    const mail = await parse(smtp.messages[0]!.raw);
    expect(mail.subject).toBe('Papers of the day');
    expect(mail.attachments).toEqual([]);
    const html = mail.html as string;
    expect(html).toContain('href="https://news.example.org/brief/papers/2501.01234v2.html"');
    expect(html).toContain('href="https://news.example.org/brief/digests/2025-01-31.html"');
    expect(mail.text).toContain('Full brief, flowchart and quiz: https://news.example.org/brief/papers/hep-th_9108004v1.html');
    // The web page shows each flowchart at its size: the email stays short and carries no image.
    expect(html.match(/<img [^>]*>/g) ?? []).toEqual([]);
    expect(smtp.messages[0]!.raw.toString('latin1')).toMatch(/^List-Unsubscribe: <mailto:leave@example\.org\?subject=unsubscribe>\r?$/m);
  });

  it('sends nothing the second time, nor with --resend (nothing is uncertain), and again with --resend all under new Message-IDs', async () => {
    expect((await send()).code).toBe(0);
    const again = await send();
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/already sent at .* to all 2 of these readers; nothing sent \(`--resend all` sends it again\)/);
    expect((await send('--resend')).stderr).toMatch(/already sent/);
    expect(smtp.messages).toHaveLength(2);

    expect((await send('--resend', 'all')).code).toBe(0);
    expect(smtp.messages.map((message) => message.to)).toEqual([['ada@example.com'], ['alan@example.com'], ['ada@example.com'], ['alan@example.com']]);
    const [first, second] = await Promise.all([smtp.messages[0]!, smtp.messages[2]!].map((message) => parse(message.raw)));
    expect(second!.messageId).toBe(first!.messageId!.replace('@', '.1@'));
    expect(await outcomes()).toEqual({ 'ada@example.com': 'accepted', 'alan@example.com': 'accepted' });
  });

  it('sends a list that grows only to its new readers: nobody gets the edition twice', async () => {
    expect((await send()).code).toBe(0);
    const grown = await runCliCaptured(['send', '--date', DATE], { ...env, SUMMARIZE_MAIL_TO: 'ada@example.com, alan@example.com, grace@example.com' });

    expect(grown.code).toBe(0);
    expect(grown.stderr).toContain('2 of these readers already had the edition of 2025-01-31 (or were refused it); sending it to the 1 others');
    expect(smtp.messages.map((message) => message.to)).toEqual([['ada@example.com'], ['alan@example.com'], ['grace@example.com']]);
    // A test send to one of them later sends nothing either.
    const single = await send('--to', 'Ada <ada@example.com>');
    expect(single.stderr).toMatch(/already sent/);
    expect(smtp.messages).toHaveLength(3);
  });

  it('lets only one of two simultaneous sends through: the other finds the output folder locked', async () => {
    const results = await Promise.all([send(), send()]);
    expect(results.map((result) => result.code).sort()).toEqual([0, 1]);
    expect(results.find((result) => result.code === 1)!.stderr).toMatch(/another summarize run \(pid \d+, started .*\) holds .*\.summarize\.lock/);
    expect(smtp.messages.map((message) => message.to)).toEqual([['ada@example.com'], ['alan@example.com']]);
  });

  it('gives each reader a List-Id and a one-click unsubscribe link with their own token (RFC 8058)', async () => {
    env.SUMMARIZE_MAIL_UNSUBSCRIBE = 'https://news.example.org/unsubscribe';
    env.SUMMARIZE_UNSUBSCRIBE_SECRET = 'a-secret-of-at-least-16-characters';
    const result = await send();
    expect(result.code).toBe(0);
    const [ada, alan] = await Promise.all(smtp.messages.map((message) => parse(message.raw)));
    const token = (mail: typeof ada) => new URL((mail!.headers.get('list') as { unsubscribe: { url: string } }).unsubscribe.url).searchParams.get('token');
    for (const [mail, reader] of [[ada, 'ada@example.com'], [alan, 'alan@example.com']] as const) {
      expect(addresses(mail!.to)).toEqual([reader]);
      const unsubscribe = new URL((mail!.headers.get('list') as { unsubscribe: { url: string } }).unsubscribe.url);
      expect(unsubscribe.origin + unsubscribe.pathname).toBe('https://news.example.org/unsubscribe');
      expect(unsubscribe.searchParams.get('address')).toBe(reader);
      expect(unsubscribe.searchParams.get('token')).toMatch(/^[0-9a-f]{32}$/);
      // mailparser gathers the List-* headers under "list"; the raw header is checked as the RFC spells it.
      expect(mail!.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect((mail!.headers.get('list') as { id: { id: string } }).id.id).toBe('arxiv-brief.example.org');
      // The footer links the reader's own address too.
      expect(mail!.html).toContain(unsubscribe.href.replace(/&/g, '&amp;'));
    }
    expect(token(ada)).not.toBe(token(alan));
    // The same reader gets the same token on another day: the secret, not a list, makes it.
    const { createHmac } = await import('node:crypto');
    expect(token(ada)).toBe(createHmac('sha256', 'a-secret-of-at-least-16-characters').update('ada@example.com').digest('hex').slice(0, 32));
    expect(`${result.stdout}${result.stderr}${await readAllFiles(outputDir)}`).not.toContain('a-secret-of-at-least-16-characters');
    // One record of the send, once per mailbox.
    expect(await outcomes()).toEqual({ 'ada@example.com': 'accepted', 'alan@example.com': 'accepted' });
  });

  it('--dry-run writes the very message a real send gives the first reader', async () => {
    env.SUMMARIZE_MAIL_UNSUBSCRIBE = 'https://news.example.org/unsubscribe';
    env.SUMMARIZE_UNSUBSCRIBE_SECRET = 'a-secret-of-at-least-16-characters';
    expect((await send('--dry-run')).code).toBe(0);
    const dry = await parse(await readFile(join(outputDir, 'mail', `${DATE}.eml`)));
    expect((await send()).code).toBe(0);
    const sent = await parse(smtp.messages[0]!.raw);
    const headers = (mail: typeof dry) => Object.fromEntries([...mail.headers].filter(([name]) => name !== 'date' && name !== 'content-type'));
    expect(headers(dry)).toEqual(headers(sent));
    expect(dry.html).toBe(sent.html);
    expect(dry.text).toBe(sent.text);
  });

  it('leaves a reader whose server answers 450 (greylisting) pending for the next send', async () => {
    const greylisting = await startFakeSmtp({ pass: PASSWORD, deferRecipients: ['grey@example.net'] });
    try {
      const first = await runCliCaptured(['send', '--date', DATE], { ...env, SMTP_URL: greylisting.url, SUMMARIZE_MAIL_TO: 'ada@example.com, grey@example.net' });
      expect(first.code).toBe(3);
      expect(first.stderr).toContain(`the server deferred 1 reader (${readerId('grey@example.net')}) (a 4xx answer such as greylisting; the next send tries again)`);
      expect(first.stderr).not.toContain('grey@example.net');
      expect(await outcomes()).toEqual({ 'ada@example.com': 'accepted', 'grey@example.net': 'deferred' });
    } finally {
      await greylisting.close();
    }
    // The next send, to a server that now takes it, reaches the greylisted reader alone.
    const second = await runCliCaptured(['send', '--date', DATE], { ...env, SUMMARIZE_MAIL_TO: 'ada@example.com, grey@example.net' });
    expect(second.code).toBe(0);
    expect(smtp.messages.map((message) => message.to)).toEqual([['grey@example.net']]);
  });

  it('records a rejected recipient and exits 3', async () => {
    env.SUMMARIZE_MAIL_TO = 'ada@example.com,gone@example.net';
    const result = await send();
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`the server rejected 1 reader (${readerId('gone@example.net')})`);
    expect(result.stderr).not.toContain('gone@example.net');
    expect(smtp.messages[0]!.to).toEqual(['ada@example.com']);
    expect(await outcomes()).toEqual({ 'ada@example.com': 'accepted', 'gone@example.net': 'rejected' });
  });

  it('fails clearly when every recipient is rejected', async () => {
    const result = await send('--to', 'gone@example.net');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`\nsummarize: the edition of 2025-01-31 was not sent: the server rejected 1 reader (${readerId('gone@example.net')})\n`);
    expect(await outcomes()).toEqual({ 'gone@example.net': 'rejected' });
  });

  it('reports a refused login in one line, records it, and a later send goes ahead without --resend', async () => {
    env.SMTP_URL = smtp.url.replace(encodeURIComponent(PASSWORD), 'wrong-Pa55word');
    const result = await send();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^summarize: the edition of 2025-01-31 was not sent: the SMTP server 127\.0\.0\.1:\d+ refused the login for user editor \(535\): check the user and password in SMTP_URL$/m);
    expect(result.stderr).not.toContain('wrong-Pa55word');
    // Refused before anything was handed over: surely not sent, so a later send tries again.
    expect(await outcomes()).toEqual({ 'ada@example.com': 'failed' });
    expect(smtp.messages).toHaveLength(0);

    env.SMTP_URL = smtp.url;
    expect((await send()).code).toBe(0);
    expect(smtp.messages).toHaveLength(2);
  });

  it('reports a server that is down', async () => {
    const down = await startFakeSmtp();
    await down.close();
    env.SMTP_URL = `smtp://127.0.0.1:${down.port}`;
    const result = await send();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot reach the SMTP server 127.0.0.1:${down.port}: connection refused`);
    expect(await outcomes()).toEqual({ 'ada@example.com': 'failed' });
  });

  it('reports a TLS failure (a certificate the client does not trust)', async () => {
    const tls = await startFakeSmtp({ secure: true, pass: PASSWORD });
    try {
      env.SMTP_URL = tls.url;
      const result = await send();
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/TLS with the SMTP server 127\.0\.0\.1:\d+ failed/);
      expect(result.stderr).not.toContain(PASSWORD);
    } finally {
      await tls.close();
    }
  });

  it('reads a record of the older format: the readers of an attempt that never finished are uncertain, repeated only with --resend', async () => {
    const intent = { status: 'sending', messageId: '<x@example.org>', subject: 's', from: 'brief@example.org', recipients: ['ada@example.com', 'alan@example.com'], accepted: [], rejected: [], startedAt: '2025-01-31T06:00:00.000Z' };
    await mkdir(join(outputDir, 'mail'), { recursive: true });
    await writeFile(join(outputDir, 'mail', `${DATE}.sent.json`), JSON.stringify({ schemaVersion: 1, date: DATE, attempts: [intent] }));
    const result = await send();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`2 readers (${readerId('ada@example.com')} ${readerId('alan@example.com')}) may or may not have the edition of 2025-01-31`);
    expect(result.stderr).toContain('`--resend` repeats only those');
    expect(smtp.connections).toBe(0);
    expect((await send('--resend')).code).toBe(0);
    expect(smtp.messages).toHaveLength(2);
    expect(await outcomes()).toEqual({ 'ada@example.com': 'accepted', 'alan@example.com': 'accepted' });
  });

  it('--dry-run writes the .eml, prints subject, recipients and sizes, and opens no connection', async () => {
    const result = await send('--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Subject:    arXiv Brief — 2025-01-31: 3 papers');
    expect(result.stdout).toContain('To:         ada@example.com, alan@example.com');
    expect(result.stdout).toMatch(/HTML: +\d+\.\d kB/);
    expect(smtp.connections).toBe(0);
    const mail = await parse(await readFile(join(outputDir, 'mail', `${DATE}.eml`)));
    expect(mail.subject).toBe('arXiv Brief — 2025-01-31: 3 papers');
    expect(mail.attachments).toHaveLength(3);
    expect(existsSync(join(outputDir, 'mail', `${DATE}.sent.jsonl`))).toBe(false);
  });

  it('accepts --date yesterday (UTC)', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await storeEdition(outputDir, yesterday, [makeSampleBrief()]);
    const result = await runCliCaptured(['send', '--date', 'yesterday', '--dry-run'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Subject:    arXiv Brief — ${yesterday}: 1 paper`);
  });

  it('explains itself with --help', async () => {
    const result = await runCliCaptured(['send', '--help'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^summarize send \[--date YYYY-MM-DD\|yesterday\|today \| --issue YYYY-MM\|YYYY-Www/);
    expect(smtp.connections).toBe(0);
  });

  it('after a broken-off send that --resend completed, a later send says already sent, and a new reader gets it alone', async () => {
    const intent = { status: 'unknown', messageId: '<x@example.org>', subject: 's', from: 'brief@example.org', recipients: ['ada@example.com', 'alan@example.com'], accepted: [], rejected: [], startedAt: '2025-01-31T06:00:00.000Z', error: 'timeout' };
    await mkdir(join(outputDir, 'mail'), { recursive: true });
    await writeFile(join(outputDir, 'mail', `${DATE}.sent.json`), JSON.stringify({ schemaVersion: 1, date: DATE, attempts: [intent] }));
    expect((await send('--resend')).code).toBe(0);

    const again = await send();
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/already sent/);
    const grown = await runCliCaptured(['send', '--date', DATE], { ...env, SUMMARIZE_MAIL_TO: 'ada@example.com, alan@example.com, grace@example.com' });
    expect(grown.code).toBe(0);
    expect(smtp.messages.map((message) => message.to)).toEqual([['ada@example.com'], ['alan@example.com'], ['grace@example.com']]);
  });

  it('treats one address written twice, or with a Unicode domain, as one mailbox', async () => {
    const result = await send('--to', 'Ada <Ada@Example.com>, ada@example.com, grace@bücher.example');
    expect(result.code).toBe(0);
    // Sent to two mailboxes (the server may see the domain as Unicode or punycode: both are one mailbox here).
    expect(smtp.messages.map((message) => message.to.length)).toEqual([1, 1]);
    expect((await send('--to', 'grace@bücher.example')).stderr).toMatch(/already sent/);
    expect(smtp.messages).toHaveLength(2);
  });

  it('keeps the password out of the record and the output when the server quotes it in a refusal', async () => {
    const quoting = await startFakeSmtp({ pass: PASSWORD, rejectDataWith: `policy: credentials ${PASSWORD} may not send bulk mail` });
    try {
      const result = await runCliCaptured(['send', '--date', DATE], { ...env, SMTP_URL: quoting.url });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('[redacted]');
      const everything = [result.stdout, result.stderr, await readAllFiles(outputDir)].join('\n');
      expect(everything).not.toContain(PASSWORD);
      expect((await readStates()).at(-1)!.reason).toContain('[redacted]');
    } finally {
      await quoting.close();
    }
  });

  it('creates no folder for a mistyped --out: there is no edition there', async () => {
    const mistyped = join(root, 'ouptut');
    const result = await send('--out', mistyped);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no edition for 2025-01-31');
    expect(existsSync(mistyped)).toBe(false);
  });

  it('names the command that makes a missing edition', async () => {
    const result = await runCliCaptured(['send', '--date', '2025-02-01'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no edition for 2025-02-01');
    expect(result.stderr).toContain('`summarize nightly --date 2025-02-01`');
    expect(smtp.connections).toBe(0);
  });

  it('rejects a malformed SMTP_URL or address, naming the variable and never the password', async () => {
    env.SMTP_URL = 'smtps//editor:hunter2-Secret@mail.example.org';
    const badUrl = await send();
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).toContain('SMTP_URL: expected smtps://user:password@host:465');
    expect(badUrl.stderr).not.toContain('hunter2-Secret');

    env.SMTP_URL = smtp.url;
    env.SUMMARIZE_MAIL_TO = 'ada@example.com, alan.example.com';
    const badTo = await send();
    expect(badTo.code).toBe(1);
    expect(badTo.stderr).toContain('SUMMARIZE_MAIL_TO: "alan.example.com" is not an email address');

    const badFlag = await send('--to', 'nobody');
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('send: --to: "nobody" is not an email address');
    expect(smtp.connections).toBe(0);
  });
});
