import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { signReaderToken } from '../../src/mail/sign-reader-token.js';
import { getReadersDatabasePath } from '../../src/readers/get-readers-database-path.js';
import { openReadersDatabase } from '../../src/readers/open-readers-database.js';
import { createReadersStore } from '../../src/readers/readers-store.js';
import { type ReaderServer, startReaderServer } from '../../src/serve/start-reader-server.js';
import { type FakeSmtp, startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { hasChromium, launchChromium } from '../helpers/launch-chromium.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { makeSampleBriefs } from '../helpers/sample-brief.js';
import { storeEdition } from '../helpers/store-edition.js';
import type { Browser } from 'playwright-core';

const SECRET = 'a-test-secret-of-32-characters!!';
const DATE = '2025-01-31';
const ADA = 'ada@example.org';

let root: string;
let env: NodeJS.ProcessEnv;
let smtp: FakeSmtp;
let server: ReaderServer;
let logLines: string[];
let clock: Date;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arxiv-brief-serve-'));
  const outputDir = join(root, 'output');
  await storeEdition(outputDir, DATE, makeSampleBriefs());
  await mkdir(join(outputDir, 'runs'), { recursive: true });
  await writeFile(join(outputDir, 'runs', 'report.json'), '{"cost":1}');
  await writeFile(join(outputDir, '.private.json'), '{}');
  smtp = await startFakeSmtp();
  env = { SUMMARIZE_OUTPUT_DIR: outputDir, SUMMARIZE_UNSUBSCRIBE_SECRET: SECRET, SMTP_URL: smtp.url, SUMMARIZE_MAIL_FROM: 'brief@example.org', SUMMARIZE_MAIL_UNSUBSCRIBE: 'https://briefs.example.org/unsubscribe' };
  logLines = [];
  clock = new Date('2025-01-31T08:00:00.000Z');
  server = await startReaderServer(loadConfig({ env, envFile: '/nonexistent/.env' }), { host: '127.0.0.1', port: 0, log: (line) => logLines.push(line), now: () => clock, busyTimeoutMs: 100 });
});
afterEach(async () => {
  await server.close();
  await smtp.close();
  await rm(root, { recursive: true, force: true });
});

const config = () => loadConfig({ env, envFile: '/nonexistent/.env' });
const withReaders = <T>(use: (readers: ReturnType<typeof createReadersStore>) => T): T => {
  const connection = openReadersDatabase(getReadersDatabasePath(config()), { create: true })!;
  try {
    return use(createReadersStore(connection));
  } finally {
    connection.close();
  }
};
const unsubscribeUrl = (address: string, token = signReaderToken(SECRET, { kind: 'unsubscribe', address })) => `${server.url}/unsubscribe?address=${encodeURIComponent(address)}&token=${token}`;
const oneClick = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });

describe('one-click unsubscribe', () => {
  it('a POST with the token of the mail unsubscribes the reader at once; a GET only shows the button', async () => {
    withReaders((readers) => readers.add({ address: ADA }, 'active', 'en'));
    const page = await fetch(unsubscribeUrl(ADA));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<button type="submit">Unsubscribe</button>');
    expect(withReaders((readers) => readers.find(ADA)!.state)).toBe('active');

    const answer = await oneClick(unsubscribeUrl(ADA));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain(`${ADA} is unsubscribed`);
    expect(withReaders((readers) => readers.find(ADA)!.state)).toBe('unsubscribed');
  });

  it('takes the link exactly as the mail carries it, for a multipart body too', async () => {
    withReaders((readers) => readers.add({ address: ADA }, 'active', 'en'));
    const sent = await runCliCaptured(['send', '--date', DATE, '--to', ADA], { ...env, SUMMARIZE_MAIL_UNSUBSCRIBE: `${server.url.replace('http:', 'https:')}/unsubscribe` });
    expect(sent.code).toBe(0);
    const headers = smtp.messages[0]!.raw.toString('utf8').split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, '');
    expect(headers).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const link = /^List-Unsubscribe:\s*<(https:[^>]+)>/m.exec(headers)![1]!.replace('https:', 'http:');
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    expect((await fetch(link, { method: 'POST', body: form })).status).toBe(200);
    expect(withReaders((readers) => readers.find(ADA)!.state)).toBe('unsubscribed');
  });

  it('refuses a POST with a wrong, missing or another reader\'s token, and leaves the reader subscribed', async () => {
    withReaders((readers) => readers.add({ address: ADA }, 'active', 'en'));
    const wrong = await oneClick(unsubscribeUrl(ADA, '0'.repeat(32)));
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('This link is incomplete or was changed');
    expect((await oneClick(`${server.url}/unsubscribe?address=${ADA}`)).status).toBe(400);
    expect((await oneClick(unsubscribeUrl(ADA, signReaderToken(SECRET, { kind: 'unsubscribe', address: 'alan@example.org' })))).status).toBe(403);
    // A feedback token is no unsubscribe token.
    expect((await oneClick(unsubscribeUrl(ADA, signReaderToken(SECRET, { kind: 'feedback', address: ADA, paperId: '2509.08721' })))).status).toBe(403);
    expect(withReaders((readers) => readers.find(ADA)!.state)).toBe('active');
  });

  it('records a reader of SUMMARIZE_MAIL_TO as unsubscribed, and the next send leaves them out', async () => {
    expect((await oneClick(unsubscribeUrl('grace@example.org'))).status).toBe(200);
    const sent = await runCliCaptured(['send', '--date', DATE], { ...env, SUMMARIZE_MAIL_TO: `${ADA}, grace@example.org` });
    expect(sent.code).toBe(0);
    expect(sent.stderr).toContain('left out 1 reader(s) of the list who unsubscribed or bounced');
    expect(smtp.messages.map((message) => message.to)).toEqual([[ADA]]);
  });
});

describe('the next send', () => {
  it('mails only the active readers of the database, needs no SUMMARIZE_MAIL_TO, and records each outcome there', async () => {
    withReaders((readers) => {
      readers.add({ address: ADA, name: 'Ada Lovelace' }, 'active', 'en');
      readers.add({ address: 'gone@example.org' }, 'unsubscribed', 'en');
      readers.add({ address: 'bob@example.org' }, 'bounced', 'en');
      readers.add({ address: 'new@example.org' }, 'pending', 'en');
    });
    const sent = await runCliCaptured(['send', '--date', DATE], env);
    expect(sent.code).toBe(0);
    expect(smtp.messages.map((message) => message.to)).toEqual([[ADA]]);
    expect(JSON.stringify((await simpleParser(smtp.messages[0]!.raw)).to)).toContain('Ada Lovelace');
    const status = await runCliCaptured(['send', '--date', DATE, '--status'], env);
    expect(status.stdout).toContain('1 accepted');
    // Again: nobody is mailed twice.
    expect((await runCliCaptured(['send', '--date', DATE], env)).stderr).toContain('already sent');
    expect(smtp.messages).toHaveLength(1);
  });
});

it("each reader's copy carries 👍/👎 links signed for them and each paper, which record their vote", async () => {
  withReaders((readers) => readers.add({ address: ADA }, 'active', 'en'));
  const sent = await runCliCaptured(['send', '--date', DATE], { ...env, SUMMARIZE_PUBLIC_URL: 'https://briefs.example.org/' });
  expect(sent.code).toBe(0);
  const mail = await simpleParser(smtp.messages[0]!.raw);
  const html = String(mail.html);
  const links = [...html.matchAll(/href="(https:\/\/briefs\.example\.org\/feedback\?[^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
  const paperIds = makeSampleBriefs().map((brief) => brief.paper.id);
  expect(links).toHaveLength(paperIds.length * 2);
  expect(mail.text).toContain(links[0]);
  const down = links.find((link) => link.includes(`paper=${paperIds[0]}&vote=down`))!;
  const local = down.replace('https://briefs.example.org', server.url);
  expect((await fetch(local)).status).toBe(200);
  expect(withReaders((readers) => readers.listVotes())).toEqual([]);
  expect((await fetch(local, { method: 'POST' })).status).toBe(200);
  expect(withReaders((readers) => readers.listVotes()).map(({ address, paperId, vote }) => [address, paperId, vote])).toEqual([[ADA, paperIds[0], 'down']]);
});

describe.skipIf(!hasChromium)('subscribe and confirm, in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('subscribe → the confirmation mail → confirm → the next send reaches the reader, in the language they chose', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/subscribe`);
    await page.fill('input[name=email]', 'Grace@Example.org');
    await page.selectOption('select[name=language]', 'de');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=Bestätigungslink');
    expect(withReaders((readers) => readers.find('grace@example.org')!.state)).toBe('pending');

    await smtp.waitForMessages(1);
    const mail = await simpleParser(smtp.messages[0]!.raw);
    expect(mail.subject).toBe('Bestätigen Sie Ihr Abonnement von arXiv Brief');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/confirm\?\S+)/.exec(mail.text ?? '')![1]!;
    await page.goto(link);
    // Opening the link changes nothing: a mail scanner may have opened it.
    expect(withReaders((readers) => readers.find('grace@example.org')!.state)).toBe('pending');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=ist angemeldet');
    expect(withReaders((readers) => readers.find('grace@example.org'))).toMatchObject({ state: 'active', language: 'de' });
    await page.close();

    const sent = await runCliCaptured(['send', '--date', DATE], env);
    expect(sent.code).toBe(0);
    expect(smtp.messages.at(-1)!.to).toEqual(['grace@example.org']);
  });

  it('an unsubscribe page opened and its button pressed', async () => {
    withReaders((readers) => readers.add({ address: ADA }, 'active', 'fr'));
    const page = await browser.newPage();
    await page.goto(unsubscribeUrl(ADA));
    expect(await page.textContent('h1')).toBe('Se désabonner');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=est désabonné');
    expect(withReaders((readers) => readers.find(ADA)!.state)).toBe('unsubscribed');
    await page.close();
  });
});

describe('subscribing', () => {
  const subscribe = (email: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/subscribe`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams({ email }).toString() });

  it('answers the same for a new, an active and an unsubscribed address', async () => {
    withReaders((readers) => {
      readers.add({ address: ADA }, 'active', 'en');
      readers.add({ address: 'gone@example.org' }, 'unsubscribed', 'en');
    });
    const answers = await Promise.all([subscribe('new@example.org'), subscribe(ADA), subscribe('gone@example.org')]);
    const texts = await Promise.all(answers.map((answer) => answer.text()));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(texts.map((text) => text.replace(/\S+@example\.org/g, 'ADDRESS'))).toEqual([texts[0]!.replace(/\S+@example\.org/g, 'ADDRESS'), texts[0]!.replace(/\S+@example\.org/g, 'ADDRESS'), texts[0]!.replace(/\S+@example\.org/g, 'ADDRESS')]);
    // An unsubscribed reader stays so until they confirm.
    expect(withReaders((readers) => readers.find('gone@example.org')!.state)).toBe('unsubscribed');
  });

  it('mails one address at most three times a day, and refuses a client past ten requests an hour', async () => {
    for (let attempt = 0; attempt < 5; attempt++) expect((await subscribe(ADA)).status).toBe(200);
    await server.close();
    await smtp.waitForMessages(3);
    expect(smtp.messages).toHaveLength(3);
    server = await startReaderServer(config(), { host: '127.0.0.1', port: 0, log: () => {}, now: () => clock });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) statuses.push((await subscribe(`reader${attempt}@example.org`)).status);
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
    // An hour later the client may ask again.
    clock = new Date(clock.getTime() + 60 * 60 * 1000 + 1);
    expect((await subscribe('later@example.org')).status).toBe(200);
  });

  it('a confirmation link stops working after 48 hours', async () => {
    await subscribe(ADA);
    await server.close();
    await smtp.waitForMessages(1);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/confirm\?\S+)/.exec((await simpleParser(smtp.messages[0]!.raw)).text ?? '')![1]!;
    clock = new Date(clock.getTime() + 48 * 60 * 60 * 1000 + 1000);
    server = await startReaderServer(config(), { host: '127.0.0.1', port: 0, log: () => {}, now: () => clock });
    const expired = await fetch(link.replace(/http:\/\/127\.0\.0\.1:\d+/, server.url), { method: 'POST' });
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This confirmation link has expired');
    expect(withReaders((readers) => readers.find(ADA)?.state)).toBe('pending');
  });
});

describe('feedback', () => {
  // A paper of the edition the server publishes: only those take votes.
  const feedbackUrl = (vote: string, paper = '2501.01234') => `${server.url}/feedback?paper=${paper}&vote=${vote}&address=${ADA}&token=${signReaderToken(SECRET, { kind: 'feedback', address: ADA, paperId: '2501.01234' })}`;

  it('shows a button on GET and records the last vote on POST, however often', async () => {
    withReaders((readers) => readers.add({ address: ADA }, 'active', 'en'));
    const page = await fetch(feedbackUrl('up'));
    expect(await page.text()).toContain('👍 More like this');
    expect(withReaders((readers) => readers.listVotes())).toEqual([]);
    for (let attempt = 0; attempt < 3; attempt++) expect((await fetch(feedbackUrl('up'), { method: 'POST' })).status).toBe(200);
    expect((await fetch(feedbackUrl('down', '2501.01234v2'), { method: 'POST' })).status).toBe(200);
    expect(withReaders((readers) => readers.listVotes()).map(({ paperId, vote }) => [paperId, vote])).toEqual([['2501.01234', 'down']]);
    // The token signs the paper: it votes on no other, even one the archive has.
    expect((await fetch(feedbackUrl('up', '2501.05678'), { method: 'POST' })).status).toBe(403);
  });

  it('refuses a forged, missing or reused token, a bad vote and a paper no edition published, with a page that says why, and stores nothing', async () => {
    withReaders((readers) => readers.add({ address: ADA }, 'active', 'en'));
    const signed = (paper: string) => signReaderToken(SECRET, { kind: 'feedback', address: ADA, paperId: paper });
    const vote = (query: string) => fetch(`${server.url}/feedback?${query}`, { method: 'POST' });
    const refusals: Array<[string, number, string]> = [
      // Signed with another secret, as a forger would.
      [`paper=2501.01234&vote=up&address=${ADA}&token=${signReaderToken('another-secret-of-32-characters!', { kind: 'feedback', address: ADA, paperId: '2501.01234' })}`, 403, 'This link is incomplete or was changed'],
      [`paper=2501.01234&vote=up&address=${ADA}&token=${'0'.repeat(32)}`, 403, 'This link is incomplete or was changed'],
      // Ada's token on another reader's address.
      [`paper=2501.01234&vote=up&address=alan@example.org&token=${signed('2501.01234')}`, 403, 'This link is incomplete or was changed'],
      [`paper=2501.01234&vote=up&address=${ADA}`, 400, 'This link is incomplete or was changed'],
      [`paper=2501.01234&vote=sideways&address=${ADA}&token=${signed('2501.01234')}`, 400, 'This link is incomplete or was changed'],
      [`paper=not-a-paper&vote=up&address=${ADA}&token=${signed('not-a-paper')}`, 400, 'This link is incomplete or was changed'],
      // Rightly signed, but for a paper the archive does not have.
      [`paper=2501.00001&vote=up&address=${ADA}&token=${signed('2501.00001')}`, 404, 'This paper is not in the archive, so your vote was not recorded.'],
    ];
    for (const [query, status, says] of refusals) {
      const answer = await vote(query);
      expect(answer.status, query).toBe(status);
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await answer.text(), query).toContain(says);
    }
    expect((await fetch(`${server.url}/feedback?paper=2501.00001&vote=up&address=${ADA}&token=${signed('2501.00001')}`)).status).toBe(404);
    expect(withReaders((readers) => readers.listVotes())).toEqual([]);
  });
});

describe('published files and nothing else', () => {
  it('serves the archive with content types and cache headers, and no listing', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const again = await fetch(`${server.url}/`, { headers: { 'if-none-match': index.headers.get('etag')! } });
    expect(again.status).toBe(304);
    const digest = await fetch(`${server.url}/digests/${DATE}.html`);
    expect(digest.status).toBe(200);
    expect((await fetch(`${server.url}/feed.xml`)).headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect((await fetch(`${server.url}/digests/`)).status).toBe(404);
    expect((await fetch(`${server.url}/digests`, { redirect: 'manual' })).status).toBe(301);
  });

  it.each([
    '/mail/',
    `/mail/${DATE}.sent.jsonl`,
    '/runs/report.json',
    '/.private.json',
    '/../output-data/readers.sqlite',
    '/%2e%2e/output-data/readers.sqlite',
    '/digests/..%2f..%2foutput-data%2freaders.sqlite',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%5c..%5cetc%5cpasswd',
    '/digests/%00.html',
  ])('answers 404 for %s', async (path) => {
    const answer = await rawRequest(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(answer.split('\r\n')[0]).toMatch(/^HTTP\/1\.1 (404|400) /);
    expect(answer).not.toContain('accepted');
  });

  it('answers malformed requests with 400 and a body over 16 KB with 413, and goes on serving', async () => {
    expect((await rawRequest('NOT HTTP AT ALL\r\n\r\n')).split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect((await rawRequest(`GET /%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)).split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    const large = await fetch(`${server.url}/subscribe`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `email=${'a'.repeat(17 * 1024)}` });
    expect(large.status).toBe(413);
    expect((await fetch(`${server.url}/subscribe`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${server.url}/subscribe`, { method: 'POST', body: 'email=not-an-address', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(400);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

it('answers 503 while another process holds the database, and loses nothing written before', async () => {
  withReaders((readers) => readers.add({ address: ADA }, 'active', 'en'));
  const holder = openReadersDatabase(getReadersDatabasePath(config()))!;
  holder.exec('BEGIN EXCLUSIVE');
  const busy = await oneClick(unsubscribeUrl(ADA));
  expect(busy.status).toBe(503);
  expect(busy.headers.get('retry-after')).toBe('10');
  expect(await busy.text()).toContain('Nothing was changed');
  holder.exec('ROLLBACK');
  holder.close();
  expect(withReaders((readers) => readers.find(ADA)!.state)).toBe('active');
  expect((await oneClick(unsubscribeUrl(ADA))).status).toBe(200);
});

it('logs one line a request, with no address and no token', async () => {
  withReaders((readers) => readers.add({ address: ADA }, 'active', 'en'));
  await fetch(unsubscribeUrl(ADA));
  await oneClick(unsubscribeUrl(ADA));
  const token = signReaderToken(SECRET, { kind: 'unsubscribe', address: ADA });
  const requestLines = logLines.filter((line) => /^(GET|POST) /.test(line));
  expect(requestLines).toHaveLength(2);
  expect(requestLines[1]).toMatch(/^POST \/unsubscribe 200 \d+ms$/);
  for (const line of logLines) {
    expect(line).not.toContain('ada@');
    expect(line).not.toContain(token);
  }
});

it('answers 1,000 requests from 50 clients at once without an error', async () => {
  withReaders((readers) => readers.add({ address: ADA }, 'active', 'en'));
  const paths = ['/', `/digests/${DATE}.html`, '/healthz', '/feed.xml', '/subscribe'];
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: 50 }, async (_, client) => {
      for (let request = 0; request < 20; request++) statuses.push((await fetch(`${server.url}${paths[(client + request) % paths.length]}`)).status);
    }),
  );
  expect(statuses).toHaveLength(1000);
  expect(statuses.filter((status) => status !== 200)).toEqual([]);
});

// --- internal ---

// A request written byte for byte, so a client library cannot tidy the path or the syntax first.
function rawRequest(text: string): Promise<string> {
  const { port } = server;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}
