import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildRunReport } from '../../src/run/run-report.js';
import { reserveRunReport, writeRunReport } from '../../src/run/write-run-report.js';
import { collectConfigSecrets, collectSecrets } from '../../src/secrets/collect-secrets.js';
import { redactSecrets } from '../../src/secrets/redact-secrets.js';
import { redactStream } from '../../src/secrets/redact-stream.js';

describe('redactSecrets', () => {
  it('replaces configured secrets of any shape, also JSON- and URL-escaped', () => {
    const azure = '3f9a1c7be20d4e86a5b1c2d3e4f50617';
    const odd = 'pa"ss/wo rd';
    const text = `key ${azure}; body {"password":${JSON.stringify(odd)}}; url ${encodeURIComponent(odd)}`;
    const redacted = redactSecrets(text, [azure, odd]);
    expect(redacted).toBe('key [redacted]; body {"password":"[redacted]"}; url [redacted]');
  });

  it('replaces key-shaped text in server messages even when it is not configured: OpenAI, OpenRouter, Google', () => {
    const text = 'sk-proj-abcdefgh12345678 sk-or-v1-0123456789abcdef AIzaSyD4kQ9xR2mT7vB1nC8wE3fG6hJ0lK5pZ_u';
    expect(redactSecrets(text, [], { keyShapes: true })).toBe('[redacted] [redacted] [redacted]');
  });

  it('leaves key-like words in our own output alone unless they are configured', () => {
    expect(redactSecrets('a key-value-store-design and sk-learn-compatible-models')).toBe('a key-value-store-design and sk-learn-compatible-models');
  });

  it('leaves ordinary text and very short values alone', () => {
    expect(redactSecrets('a skeleton key-ring of 3 keys', ['ab'])).toBe('a skeleton key-ring of 3 keys');
  });
});

describe('collectSecrets', () => {
  it('takes the API key whole and the password out of SMTP_URL, encoded and decoded', () => {
    const secrets = collectSecrets([{ OPENAI_API_KEY: ' AIzaKey123456 ', SMTP_URL: 'smtps://me%40example.org:p%40ss-word@mail.example.org:465' }, {}]);
    expect(secrets).toEqual(['AIzaKey123456', 'p%40ss-word', 'p@ss-word']);
  });

  it('takes the Basic credential a login in OPENAI_BASE_URL is sent as, which a server may echo', () => {
    const credential = Buffer.from('brief:Pr0xy-pw').toString('base64');
    const url = 'http://brief:Pr0xy-pw@127.0.0.1:8080/v1';
    expect(collectSecrets([{ OPENAI_BASE_URL: url }])).toContain(credential);
    expect(collectConfigSecrets({ openaiBaseUrl: url })).toContain(credential);
    expect(redactSecrets(`rejected Authorization: Basic ${credential}`, collectSecrets([{ OPENAI_BASE_URL: url }]))).not.toContain(credential);
  });

  it('finds nothing in a mail URL without a password, and reads the config names too', () => {
    expect(collectConfigSecrets({ smtpUrl: 'smtp://relay.example.org:25' })).toEqual([]);
    expect(collectConfigSecrets({ openaiApiKey: 'abcd1234', smtpUrl: 'smtp://user:secret99@relay:25' })).toEqual(['abcd1234', 'secret99']);
  });
});

describe('the sinks', () => {
  it('a redacting stream keeps the stream itself (isTTY) and redacts strings and buffers', () => {
    const target = Object.assign(new PassThrough(), { isTTY: true });
    const chunks: string[] = [];
    target.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    const stream = redactStream(target, ['hunter22']);
    stream.write('password hunter22\n');
    stream.write(Buffer.from('again hunter22\n'));
    expect(stream.isTTY).toBe(true);
    expect(chunks.join('')).toBe('password [redacted]\nagain [redacted]\n');
  });

  it('the run report writer redacts the secrets it is given from every field', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'arxiv-brief-redact-'));
    try {
      const secret = '3f9a1c7be20d4e86a5b1c2d3e4f50617';
      const report = buildRunReport({
        runId: 'run-1',
        command: 'nightly',
        startedAt: '2026-11-22T02:00:01.250Z',
        finishedAt: '2026-11-22T02:03:11.750Z',
        date: '2026-11-21',
        source: { kind: 'ids', detail: '2511.00003', empty: false },
        options: { model: 'gpt-5-mini', promptVersion: 'v1', dryRun: false },
        papers: [{ id: '2511.00003', outcome: 'failed', stage: 'generate', reason: `the LLM server answered 500: bad key ${secret}`, durations: { totalMs: 1 } }],
      });
      const path = await reserveRunReport(folder, { ...report, status: 'running' }, 1, [secret]);
      expect(await readFile(path, 'utf8')).not.toContain(secret);
      await writeRunReport(path, report, [secret]);
      expect(await readFile(path, 'utf8')).toContain('bad key [redacted]');
      expect(await readFile(path, 'utf8')).not.toContain(secret);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
