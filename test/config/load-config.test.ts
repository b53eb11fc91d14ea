import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertLlmConfigured, loadConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/errors/brief-error.js';

const noFile = '/nonexistent/.env';

describe('loadConfig', () => {
  it('gives the documented defaults', () => {
    const config = loadConfig({ env: {}, envFile: noFile });
    expect(config).toMatchObject({
      model: 'gpt-5-mini',
      arxivApiUrl: 'https://export.arxiv.org/api/query',
      arxivPdfUrl: 'https://arxiv.org/pdf',
      arxivMinIntervalMs: 3000,
      outputDir: './output',
      llmConcurrency: 4,
    });
    expect(config.cacheDir).toMatch(/arxiv-brief$/);
  });

  it('reads .env, lets the environment win over it, and flags win over both', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'config-'));
    const envFile = join(folder, '.env');
    await writeFile(envFile, 'SUMMARIZE_MODEL=from-file\nSUMMARIZE_OUTPUT_DIR=/from/file\nARXIV_MIN_INTERVAL_MS=5000\n');
    const config = loadConfig({ env: { SUMMARIZE_MODEL: 'from-env' }, envFile, flags: { outputDir: '/from/flag' } });
    expect(config).toMatchObject({ model: 'from-env', outputDir: '/from/flag', arxivMinIntervalMs: 5000 });
  });

  it('reports every problem at once, naming the variable', () => {
    const env = { ARXIV_MIN_INTERVAL_MS: 'soon', SUMMARIZE_LLM_CONCURRENCY: '0', ARXIV_API_URL: 'ftp://x', SUMMARIZE_PRICES: '{bad' };
    try {
      loadConfig({ env, envFile: noFile });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['ARXIV_MIN_INTERVAL_MS', 'SUMMARIZE_LLM_CONCURRENCY', 'ARXIV_API_URL', 'SUMMARIZE_PRICES']) expect(problems).toContain(name);
      expect((error as ConfigError).problems).toHaveLength(4);
    }
  });

  it('reads the on/off switches as 1/0, true/false, yes/no or on/off, off by default, and names a value that is none of them', () => {
    expect(loadConfig({ env: {}, envFile: noFile })).toMatchObject({ repeat: false, notifyEmpty: false });
    expect(loadConfig({ env: { SUMMARIZE_REPEAT: 'Yes', SUMMARIZE_NOTIFY_EMPTY: '1' }, envFile: noFile })).toMatchObject({ repeat: true, notifyEmpty: true });
    expect(loadConfig({ env: { SUMMARIZE_REPEAT: 'off', SUMMARIZE_NOTIFY_EMPTY: 'false' }, envFile: noFile })).toMatchObject({ repeat: false, notifyEmpty: false });
    expect(() => loadConfig({ env: { SUMMARIZE_NOTIFY_EMPTY: 'maybe' }, envFile: noFile })).toThrow(/SUMMARIZE_NOTIFY_EMPTY: expected 1 or 0 \(also true\/false, yes\/no, on\/off\), got "maybe"/);
  });

  it('parses a price override table', () => {
    const config = loadConfig({ env: { SUMMARIZE_PRICES: '{"llama3.1:8b":{"input":0,"output":0}}' }, envFile: noFile });
    expect(config.prices['llama3.1:8b']).toEqual({ input: 0, output: 0 });
  });

  it('needs a key for the OpenAI API, but not for a self-hosted server', () => {
    expect(() => assertLlmConfigured(loadConfig({ env: {}, envFile: noFile }))).toThrow(/OPENAI_API_KEY/);
    expect(() => assertLlmConfigured(loadConfig({ env: { OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }, envFile: noFile }))).not.toThrow();
  });
});
