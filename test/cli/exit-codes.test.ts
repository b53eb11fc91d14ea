import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/run-cli-captured.js';

// docs/exit-codes.md's table, command by command: a wrong command line is 2 and a wrong configuration is 1, before any request.
const COMMANDS: Array<{ name: string; args: string[] }> = [
  { name: 'summarize <id>', args: ['2509.08721'] },
  { name: 'nightly', args: ['nightly', '--dry-run'] },
  { name: 'digest', args: ['digest', '--date', '2025-01-01'] },
  { name: 'send', args: ['send', '--date', '2025-01-01'] },
  { name: 'podcast', args: ['podcast', '--date', '2025-01-01'] },
  { name: 'issue', args: ['issue', '--month', '2025-01'] },
];

let root: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'arxiv-brief-exit-'));
  // Every address is a closed port on this machine: a command that reached one would fail otherwise than asserted.
  env = {
    PATH: process.env.PATH,
    HOME: root,
    SUMMARIZE_OUTPUT_DIR: join(root, 'output'),
    SUMMARIZE_CACHE_DIR: join(root, 'cache'),
    OPENAI_API_KEY: 'sk-test-exit-0123456789abcdef',
    OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
    ARXIV_API_URL: 'http://127.0.0.1:9/api/query',
    HF_DAILY_PAPERS_URL: 'http://127.0.0.1:9/api/daily_papers',
  };
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('exit codes as docs/exit-codes.md gives them', () => {
  for (const command of COMMANDS) {
    it(`${command.name}: an unknown flag is a usage error (2), a bad setting a configuration error (1), each in one line naming it`, async () => {
      const usage = await runCliCaptured([...command.args, '--bogus'], env);
      expect(usage.code).toBe(2);
      expect(usage.stderr.split('\n')[0]).toMatch(/Unknown option '--bogus'/);

      const configuration = await runCliCaptured(command.args, { ...env, SUMMARIZE_LLM_CONCURRENCY: 'many' });
      expect(configuration.code).toBe(1);
      expect(configuration.stderr).toMatch(/^summarize: invalid configuration:\n {2}- SUMMARIZE_LLM_CONCURRENCY: /);
      expect(configuration.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
