import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type FakeSmtp, startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { makeSampleBriefs } from '../helpers/sample-brief.js';
import { storeEdition } from '../helpers/store-edition.js';

const DATE = '2025-01-31';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
// The TXT record brief2025._domainkey.example.org would hold: what a receiving server looks up.
const DNS: Record<string, string[][]> = { 'brief2025._domainkey.example.org': [[`v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`]] };
const resolver = async (name: string, type: string) => {
  const records = type === 'TXT' ? DNS[name] : undefined;
  if (records) return records;
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
};

let root: string;
let outputDir: string;
let smtp: FakeSmtp;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arxiv-brief-send-dkim-'));
  outputDir = join(root, 'output');
  await storeEdition(outputDir, DATE, makeSampleBriefs());
  await writeFile(join(root, 'dkim.pem'), PRIVATE_PEM);
  smtp = await startFakeSmtp();
  env = {
    PATH: process.env.PATH,
    HOME: root,
    SUMMARIZE_OUTPUT_DIR: outputDir,
    SMTP_URL: smtp.url,
    SUMMARIZE_MAIL_FROM: 'arXiv Brief <brief@example.org>',
    SUMMARIZE_MAIL_TO: 'ada@example.com, alan@example.com',
    SUMMARIZE_MAIL_UNSUBSCRIBE: 'https://news.example.org/unsubscribe',
    SUMMARIZE_UNSUBSCRIBE_SECRET: 'a-secret-of-at-least-16-characters',
    SUMMARIZE_DKIM_DOMAIN: 'example.org',
    SUMMARIZE_DKIM_SELECTOR: 'brief2025',
    SUMMARIZE_DKIM_KEY_FILE: join(root, 'dkim.pem'),
  };
});
afterEach(async () => {
  await smtp.close();
  await rm(root, { recursive: true, force: true });
});

const send = (...args: string[]) => runCliCaptured(['send', '--date', DATE, ...args], env);

it('signs each copy with DKIM so a receiver verifies it, List-Unsubscribe and List-Unsubscribe-Post under the signature (RFC 8058)', async () => {
  const result = await send();

  expect(result.code).toBe(0);
  expect(smtp.messages).toHaveLength(2);
  for (const message of smtp.messages) {
    const verified = await dkimVerify(message.raw, { resolver });
    expect(verified.results).toHaveLength(1);
    const [signature] = verified.results;
    expect(signature!.status.result).toBe('pass');
    expect(signature!.signingDomain).toBe('example.org');
    expect(signature!.selector).toBe('brief2025');
    const signed = readSignedHeaders(message.raw);
    expect(signed).toEqual(expect.arrayContaining(['from', 'subject', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post']));
  }
  expect(`${result.stdout}${result.stderr}`).not.toContain('PRIVATE KEY');
});

it('--dry-run writes the signed copy too, and a copy changed after signing fails verification', async () => {
  expect((await send('--dry-run')).code).toBe(0);
  const eml = await readFile(join(outputDir, 'mail', `${DATE}.eml`));
  expect((await dkimVerify(eml, { resolver })).results[0]!.status.result).toBe('pass');
  const tampered = Buffer.from(eml.toString('latin1').replace(/^Subject: .*$/m, 'Subject: Changed on the way'), 'latin1');
  expect((await dkimVerify(tampered, { resolver })).results[0]!.status.result).toBe('fail');
});

it('names what is wrong with the DKIM settings before anyone is mailed, never printing the key', async () => {
  const missing = await runCliCaptured(['send', '--date', DATE], { ...env, SUMMARIZE_DKIM_SELECTOR: undefined });
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('SUMMARIZE_DKIM_SELECTOR: not set; DKIM signing needs SUMMARIZE_DKIM_DOMAIN, SUMMARIZE_DKIM_SELECTOR and SUMMARIZE_DKIM_KEY_FILE together (or none of them)');

  const unreadable = await runCliCaptured(['send', '--date', DATE], { ...env, SUMMARIZE_DKIM_KEY_FILE: join(root, 'no-such.pem') });
  expect(unreadable.code).toBe(1);
  expect(unreadable.stderr).toContain(`SUMMARIZE_DKIM_KEY_FILE: cannot read ${join(root, 'no-such.pem')} (ENOENT); the PEM file of the DKIM private key`);

  await writeFile(join(root, 'public.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  const notPrivate = await runCliCaptured(['send', '--date', DATE], { ...env, SUMMARIZE_DKIM_KEY_FILE: join(root, 'public.pem') });
  expect(notPrivate.code).toBe(1);
  expect(notPrivate.stderr).toContain(`SUMMARIZE_DKIM_KEY_FILE: ${join(root, 'public.pem')} is not a PEM private key; make one with: openssl genrsa -out dkim.pem 2048`);
  expect(notPrivate.stderr).not.toContain('PUBLIC KEY');

  const badDomain = await runCliCaptured(['send', '--date', DATE], { ...env, SUMMARIZE_DKIM_DOMAIN: 'not a domain' });
  expect(badDomain.code).toBe(1);
  expect(badDomain.stderr).toContain('SUMMARIZE_DKIM_DOMAIN');
  expect(smtp.connections).toBe(0);
});

// The `h=` tag of the message's DKIM-Signature: the header fields the signature covers.
function readSignedHeaders(raw: Buffer): string[] {
  const head = raw.toString('latin1').split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  const signature = head.split('\r\n').find((line) => /^DKIM-Signature:/i.test(line)) ?? '';
  return (/\bh=([^;]+)/.exec(signature)?.[1] ?? '').split(':').map((name) => name.trim().toLowerCase());
}
