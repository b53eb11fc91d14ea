import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/main.js';
import { startFakeArxiv, type FakeArxiv } from '../fakes/fake-arxiv-server.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server.js';
import { startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { type FakeHf, startFakeHf } from '../fakes/fake-hf-server.js';

const RIGHT_KEY = 'sk-right-0123456789abcdef';
const WRONG_KEY = 'sk-wrong-fedcba9876543210';

let arxiv: FakeArxiv;
let openai: FakeOpenAi;
let folder: string;
let hf: FakeHf;

beforeEach(async () => {
  arxiv = await startFakeArxiv({ papers: [{ id: '1706.03762', version: 7, title: 'Attention Is All You Need' }] });
  openai = await startFakeOpenAi({ apiKey: RIGHT_KEY, models: ['gpt-5-mini', 'gpt-4o-mini', 'my-local-model'] });
  hf = await startFakeHf();
  arxiv.announce('2025-09-10', []);
  folder = await mkdtemp(join(tmpdir(), 'doctor-test-'));
});

afterEach(async () => {
  await Promise.all([arxiv.close(), openai.close(), hf.close()]);
  await rm(folder, { recursive: true, force: true });
});

function environment(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    OPENAI_API_KEY: RIGHT_KEY,
    OPENAI_BASE_URL: openai.baseUrl,
    ARXIV_API_URL: arxiv.apiUrl,
    ARXIV_PDF_URL: arxiv.pdfUrl,
    ARXIV_RSS_URL: arxiv.rssUrl,
    HF_DAILY_PAPERS_URL: hf.url,
    ARXIV_MIN_INTERVAL_MS: '20',
    SUMMARIZE_OUTPUT_DIR: join(folder, 'output'),
    SUMMARIZE_CACHE_DIR: join(folder, 'cache'),
    ...overrides,
  };
}

async function doctor(env: NodeJS.ProcessEnv, flags: string[] = [], programName?: string) {
  const collected = { stdout: '', stderr: '' };
  const sink = (name: 'stdout' | 'stderr') =>
    new Writable({
      write(chunk, _encoding, done) {
        collected[name] += String(chunk);
        done();
      },
    });
  const io: CliIo = { stdout: sink('stdout'), stderr: sink('stderr'), stdin: process.stdin, env, ...(programName ? { programName } : {}) };
  const startedAt = Date.now();
  const exitCode = await runCli(['doctor', ...flags], io);
  return { exitCode, ...collected, output: collected.stdout + collected.stderr, elapsedMs: Date.now() - startedAt };
}

function lineOf(output: string, title: string): string {
  return output.split('\n').find((line) => line.slice(2).startsWith(`${title}:`)) ?? `(no line for ${title})`;
}

// A port that refuses connections: a server started and closed again.
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('summarize doctor', () => {
  it('passes every check against working servers and exits 0', async () => {
    const result = await doctor(environment());

    expect(result.exitCode).toBe(0);
    const verdicts = result.stdout.split('\n').filter((line) => /^[✓✗!-] /.test(line));
    expect(verdicts.map((line) => line.split(':')[0])).toEqual([
      '✓ configuration',
      '✓ model price',
      '✓ output folder',
      '✓ cache folder',
      '✓ prompt files',
      '✓ readers database',
      '✓ arXiv API',
      '✓ arXiv PDFs',
      '✓ arXiv announcement feed',
      '✓ Hugging Face daily papers',
      '✓ LLM endpoint',
    ]);
    expect(result.stdout).toContain('All checks passed.');
    // the folders did not exist: the doctor only looked, a run creates them
    expect(existsSync(join(folder, 'output'))).toBe(false);
    expect(existsSync(join(folder, 'cache'))).toBe(false);
    // arXiv saw the metadata query and the PDF request, identified, in that order
    expect(arxiv.requests.map((request) => request.path)).toEqual(['/api/query', '/pdf/1706.03762v7', '/rss/cs.LG']);
    expect(arxiv.requests[0]?.headers['user-agent']).toMatch(/^arxiv-brief\//);
  });

  it('writes its probe into folders that exist and removes it, leaving them as they were', async () => {
    await mkdir(join(folder, 'output', 'papers'), { recursive: true });
    await mkdir(join(folder, 'cache'));
    const result = await doctor(environment());

    expect(result.exitCode).toBe(0);
    expect(lineOf(result.stdout, 'output folder')).toBe(`✓ output folder: ${join(folder, 'output')} is writable`);
    expect(await readdir(join(folder, 'output'))).toEqual(['papers']);
    expect(await readdir(join(folder, 'cache'))).toEqual([]);
  });

  it('run from an empty folder with the default folders, leaves no output/ or cache folder behind', async () => {
    const empty = join(folder, 'empty');
    await mkdir(empty);
    const previous = process.cwd();
    process.chdir(empty);
    try {
      const { SUMMARIZE_OUTPUT_DIR: _output, ...defaults } = environment({ SUMMARIZE_CACHE_DIR: join(folder, 'home', '.cache', 'arxiv-brief') });
      const result = await doctor(defaults);

      expect(result.exitCode).toBe(0);
      expect(lineOf(result.stdout, 'output folder')).toBe(`✓ output folder: ${join(empty, 'output')} can be created (a run creates it)`);
      expect(lineOf(result.stdout, 'cache folder')).toBe(`✓ cache folder: ${join(folder, 'home', '.cache', 'arxiv-brief')} can be created (a run creates it)`);
    } finally {
      process.chdir(previous);
    }
    expect(await readdir(empty)).toEqual([]);
    expect(await readdir(folder)).toEqual(['empty']);
  });

  it('without a key, says so on the configuration line instead of "loaded", and does not call the LLM endpoint', async () => {
    const { OPENAI_API_KEY: _key, OPENAI_BASE_URL: _baseUrl, ...withoutKey } = environment();
    const result = await doctor(withoutKey);

    expect(result.exitCode).toBe(1);
    expect(lineOf(result.stdout, 'configuration')).toBe('✗ configuration: OPENAI_API_KEY is not set');
    expect(result.stdout).toContain('fix: put OPENAI_API_KEY in .env or the environment, or set OPENAI_BASE_URL to a local OpenAI-compatible server such as Ollama');
    expect(result.stdout).not.toContain('configuration: loaded');
    expect(lineOf(result.stdout, 'LLM endpoint')).toBe('- LLM endpoint: not run: it needs OPENAI_API_KEY or OPENAI_BASE_URL');
    expect(lineOf(result.stdout, 'arXiv API')).toMatch(/^✓ /);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('1 check failed: fix it and run `summarize doctor` again.');
    expect(openai.requests).toEqual([]);
  });

  it('names itself as invoked: run as arxiv-brief, its last line says `arxiv-brief doctor`', async () => {
    const result = await doctor(environment({ SUMMARIZE_PROMPTS_DIR: join(folder, 'no-prompts') }), [], 'arxiv-brief');

    expect(result.exitCode).toBe(1);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('1 check failed: fix it and run `arxiv-brief doctor` again.');
    expect(result.stdout).not.toContain('summarize doctor');
  });

  it('fails where the night is certain to fail: an interests file that is no text, a Hugging Face URL that answers 404, a feed that is no RSS', async () => {
    const interests = join(folder, 'interests.txt');
    await writeFile(interests, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    arxiv.failNext('/rss/', { status: 200, headers: { 'content-type': 'text/plain' }, body: 'maintenance' });
    const result = await doctor(environment({ SUMMARIZE_INTERESTS: interests, HF_DAILY_PAPERS_URL: hf.url.replace('/api/daily_papers', '/api/nope') }));

    expect(result.exitCode).toBe(1);
    expect(lineOf(result.stdout, 'interests file')).toMatch(/^✗ interests file: .*interests\.txt is not a text file/);
    expect(lineOf(result.stdout, 'Hugging Face daily papers')).toMatch(/^✗ Hugging Face daily papers: .*HTTP 404/);
    expect(lineOf(result.stdout, 'arXiv announcement feed')).toMatch(/^✗ arXiv announcement feed: /);
  });

  it('prints the results as JSON on stdout with --json, the lines on stderr', async () => {
    const result = await doctor(environment(), ['--json']);

    expect(result.exitCode).toBe(0);
    const document = JSON.parse(result.stdout) as { ok: boolean; checks: Array<{ id: string; status: string }> };
    expect(document.ok).toBe(true);
    expect(document.checks.map((check) => [check.id, check.status])).toEqual([
      ['config', 'ok'],
      ['model-price', 'ok'],
      ['output-dir', 'ok'],
      ['cache-dir', 'ok'],
      ['prompts', 'ok'],
      ['readers-db', 'ok'],
      ['arxiv-api', 'ok'],
      ['pdf-host', 'ok'],
      ['arxiv-rss', 'ok'],
      ['hf-daily-papers', 'ok'],
      ['llm-endpoint', 'ok'],
    ]);
    expect(result.stderr).toContain('✓ arXiv API');
  });

  it('says the API key was rejected, and never prints it, even when the server echoes it', async () => {
    const result = await doctor(environment({ OPENAI_API_KEY: WRONG_KEY }), ['--json']);

    expect(result.exitCode).toBe(1);
    expect(lineOf(result.stderr, 'LLM endpoint')).toMatch(/^✗ .*rejected the API key \(HTTP 401\)/);
    expect(result.stderr).toContain('fix: check OPENAI_API_KEY');
    expect(JSON.parse(result.stdout).ok).toBe(false);
    expect(result.output).not.toContain(WRONG_KEY);
    expect(result.output).not.toContain(WRONG_KEY.slice(3, 15));
  });

  it('explains in plain words that arXiv cannot be reached', async () => {
    const unreachable = await closedPortUrl();
    const result = await doctor(environment({ ARXIV_API_URL: `${unreachable}/api/query`, ARXIV_PDF_URL: `${unreachable}/pdf` }));

    expect(result.exitCode).toBe(1);
    const host = new URL(unreachable).host;
    expect(lineOf(result.stdout, 'arXiv API')).toBe(`✗ arXiv API: cannot reach ${host}: connection refused (ECONNREFUSED)`);
    expect(result.stdout).toContain('fix: check the network, the proxy settings (HTTPS_PROXY) or ARXIV_API_URL');
    expect(lineOf(result.stdout, 'arXiv PDFs')).toBe(`✗ arXiv PDFs: cannot reach ${host}: connection refused (ECONNREFUSED)`);
    // the other checks still ran
    expect(lineOf(result.stdout, 'LLM endpoint')).toMatch(/^✓ /);
    expect(result.stdout).toContain('2 checks failed');
  });

  it('gives up on a server that does not answer within the time limit', async () => {
    arxiv.failNext('/api/', { delayMs: 5_000 });
    const result = await doctor(environment(), ['--timeout', '0.3']);

    expect(result.exitCode).toBe(1);
    expect(lineOf(result.stdout, 'arXiv API')).toMatch(/^✗ arXiv API: 127\.0\.0\.1:\d+ did not answer within 0\.3 s$/);
    expect(lineOf(result.stdout, 'arXiv PDFs')).toMatch(/^✓ /);
    expect(result.elapsedMs).toBeLessThan(3_000);
  });

  it('reports a PDF host that answers with a web page instead of a PDF', async () => {
    arxiv.failNext('/pdf/', { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>Log in to the Wi-Fi</html>' });
    const result = await doctor(environment());

    expect(result.exitCode).toBe(1);
    expect(lineOf(result.stdout, 'arXiv PDFs')).toMatch(/^✗ arXiv PDFs: .* with text\/html, not a PDF$/);
  });

  it('lists every configuration problem and runs no network check', async () => {
    const result = await doctor(environment({ SUMMARIZE_LLM_CONCURRENCY: 'abc', ARXIV_API_URL: 'ftp://example.org' }));

    expect(result.exitCode).toBe(1);
    expect(lineOf(result.stdout, 'configuration')).toBe('✗ configuration: 2 problems');
    expect(result.stdout).toMatch(/ {4}- SUMMARIZE_LLM_CONCURRENCY: .*"abc"/);
    expect(result.stdout).toMatch(/ {4}- ARXIV_API_URL: /);
    expect(lineOf(result.stdout, 'arXiv API')).toBe('- arXiv API: not run: it needs a valid configuration');
    expect(arxiv.requests).toEqual([]);
  });

  it('warns, without failing, when the model has no known price', async () => {
    const result = await doctor(environment({ SUMMARIZE_MODEL: 'my-local-model' }));

    expect(result.exitCode).toBe(0);
    expect(lineOf(result.stdout, 'model price')).toBe('! model price: no price known for my-local-model: costs will be recorded as null');
    expect(result.stdout).toContain('fix: set SUMMARIZE_PRICES');
    expect(result.stdout).toContain('All checks passed, 1 warning.');
  });

  it('fails when the endpoint does not offer the configured model, naming the ones it does', async () => {
    const result = await doctor(environment({ SUMMARIZE_MODEL: 'gpt-4.1' }));

    expect(result.exitCode).toBe(1);
    expect(lineOf(result.stdout, 'LLM endpoint')).toMatch(/^✗ .*does not offer the model gpt-4\.1$/);
    expect(result.stdout).toContain('set SUMMARIZE_MODEL to a model it lists (gpt-5-mini, gpt-4o-mini, my-local-model)');
  });

  it('fails when the output folder cannot be created', async () => {
    await writeFile(join(folder, 'a-file'), 'not a folder');
    const result = await doctor(environment({ SUMMARIZE_OUTPUT_DIR: join(folder, 'a-file', 'output') }));

    expect(result.exitCode).toBe(1);
    expect(lineOf(result.stdout, 'output folder')).toMatch(/^✗ output folder: cannot create .*: part of the path is a file, not a folder$/);
    expect(result.stdout).toContain('SUMMARIZE_OUTPUT_DIR');
  });

  it('fails when the prompt files are missing', async () => {
    const result = await doctor(environment({ SUMMARIZE_PROMPTS_DIR: join(folder, 'no-prompts') }));

    expect(result.exitCode).toBe(1);
    expect(lineOf(result.stdout, 'prompt files')).toMatch(/^✗ prompt files: prompt file .*system\.md cannot be read \(ENOENT\)/);
  });

  it('checks the SMTP server when SMTP_URL is set: login accepted, login refused, never the password', async () => {
    const smtp = await startFakeSmtp({ pass: 'doctor-Sm7p-pass' });
    try {
      const good = await doctor(environment({ SMTP_URL: smtp.url }));
      expect(good.exitCode).toBe(0);
      expect(lineOf(good.stdout, 'SMTP server')).toMatch(/^✓ SMTP server: 127\.0\.0\.1:\d+ accepts the login of editor/);
      const bad = await doctor(environment({ SMTP_URL: smtp.url.replace('doctor-Sm7p-pass', 'doctor-Wrong-pass') }));
      expect(bad.exitCode).toBe(1);
      expect(lineOf(bad.stdout, 'SMTP server')).toMatch(/^✗ SMTP server: the SMTP server 127\.0\.0\.1:\d+ refused the login for user editor \(535\)/);
      expect(bad.output).not.toContain('doctor-Wrong-pass');
      expect(smtp.messages).toEqual([]);
    } finally {
      await smtp.close();
    }
  });

  it('rejects arguments it does not know with a usage error', async () => {
    const result = await doctor(environment(), ['--verbose']);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('doctor:');
  });
});
