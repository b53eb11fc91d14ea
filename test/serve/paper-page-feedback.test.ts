import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { getReadersDatabasePath } from '../../src/readers/get-readers-database-path.js';
import { openReadersDatabase } from '../../src/readers/open-readers-database.js';
import { createReadersStore } from '../../src/readers/readers-store.js';
import { type ReaderServer, startReaderServer } from '../../src/serve/start-reader-server.js';
import { type FakeSmtp, startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { launchChromium } from '../helpers/launch-chromium.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { makeSampleBriefs } from '../helpers/sample-brief.js';
import { storeEdition } from '../helpers/store-edition.js';

const SECRET = 'a-test-secret-of-32-characters!!';
const DATE = '2025-01-31';
const ADA = 'ada@example.org';
// Where the mail says the archive is; the test's server stands in for it.
const PUBLIC_URL = 'https://briefs.example.org';

let root: string;
let outputDir: string;
let env: NodeJS.ProcessEnv;
let smtp: FakeSmtp;
let server: ReaderServer;
let browser: Browser;
let logLines: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arxiv-brief-page-feedback-'));
  outputDir = join(root, 'output');
  await storeEdition(outputDir, DATE, makeSampleBriefs());
  smtp = await startFakeSmtp();
  env = { SUMMARIZE_OUTPUT_DIR: outputDir, SUMMARIZE_UNSUBSCRIBE_SECRET: SECRET, SMTP_URL: smtp.url, SUMMARIZE_MAIL_FROM: 'brief@example.org', SUMMARIZE_PUBLIC_URL: `${PUBLIC_URL}/` };
  logLines = [];
  server = await startReaderServer(loadConfig({ env, envFile: '/nonexistent/.env' }), { host: '127.0.0.1', port: 0, log: (line) => logLines.push(line) });
  const connection = openReadersDatabase(getReadersDatabasePath(loadConfig({ env, envFile: '/nonexistent/.env' })), { create: true })!;
  createReadersStore(connection).add({ address: ADA }, 'active', 'en');
  connection.close();
});
afterEach(async () => {
  await server.close();
  await smtp.close();
  await rm(root, { recursive: true, force: true });
});

describe("the paper page, opened from a reader's own email copy", () => {
  it('shows 👍/👎 signed for that reader and paper, records the vote, and takes the signature out of the address bar', async () => {
    const mail = await sendTheEdition();
    const [paper] = makeSampleBriefs();
    const link = paperPageLinks(String(mail.html)).find((url) => url.includes(`/papers/${paper!.paper.id}v`))!;
    expect(link).toMatch(/#address=ada%40example\.org&token=[0-9a-f]{32}$/);
    // The text part carries the same signed link.
    expect(mail.text).toContain(link);

    const page = await browser.newPage();
    await page.goto(link.replace(PUBLIC_URL, server.url));
    const up = page.getByRole('button', { name: '👍 More like this' });
    await up.waitFor();
    await expect.poll(() => page.url()).not.toContain('#');
    expect(page.url()).toBe(link.replace(PUBLIC_URL, server.url).split('#')[0]);
    await up.click();
    await page.getByText(`Thank you: your 👍 on arXiv:${paper!.paper.id} is recorded.`).waitFor();
    await page.close();

    // The server saw the page, its script and the vote, and logged none of the signature.
    expect(logLines).toEqual(expect.arrayContaining([expect.stringMatching(/^GET \/papers\/\S+\.html 200 /), expect.stringMatching(/^GET \/assets\/reader-feedback\.js 200 /), expect.stringMatching(/^POST \/feedback 200 /)]));
    for (const line of logLines) expect(line).not.toMatch(/ada@|ada%40|token/);
    const votes = await runCliCaptured(['readers', 'export', '--votes'], env);
    expect(votes.code).toBe(0);
    expect(votes.stdout).toMatch(new RegExp(`^${ADA},${paper!.paper.id.replace('.', '\\.')},up,`, 'm'));
  });

  it('shows no buttons without the signature, and the published pages carry no address or token', async () => {
    const mail = await sendTheEdition();
    const link = paperPageLinks(String(mail.html))[0]!;
    const page = await browser.newPage();
    await page.goto(link.replace(PUBLIC_URL, server.url).split('#')[0]!);
    // The page's own script has run once the footer's scripts are loaded.
    await page.waitForLoadState('load');
    expect(await page.getByRole('button').count()).toBe(0);
    await page.close();

    const token = new URL(link).hash.split('token=')[1]!;
    for (const file of await listFiles(outputDir)) {
      if (file.includes(`${join(outputDir, 'mail')}/`) || file.endsWith('.sqlite') || file.includes('.sqlite-')) continue;
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toContain(ADA);
      expect(text, file).not.toContain(token);
    }
  });

  it('the saved copy of the mailed edition carries no 👍/👎 links, which only a reader\'s own copy signs', async () => {
    const mail = await sendTheEdition();
    expect(String(mail.html)).toContain(`${PUBLIC_URL}/feedback?paper=`);
    const saved = await readFile(join(outputDir, 'digests', `${DATE}.email.html`), 'utf8');
    const savedText = await readFile(join(outputDir, 'digests', `${DATE}.txt`), 'utf8');
    expect(saved).toContain(`${PUBLIC_URL}/papers/`);
    expect(saved).not.toContain('/feedback');
    expect(savedText).not.toContain('/feedback');
    expect(saved).not.toContain('👍');
  });
});

// --- internal ---

async function sendTheEdition() {
  const sent = await runCliCaptured(['send', '--date', DATE], env);
  expect(sent.code, sent.stderr).toBe(0);
  expect(smtp.messages.map((message) => message.to)).toEqual([[ADA]]);
  return simpleParser(smtp.messages[0]!.raw);
}

function paperPageLinks(html: string): string[] {
  return [...html.matchAll(/href="(https:\/\/briefs\.example\.org\/papers\/[^"]+\.html[^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
