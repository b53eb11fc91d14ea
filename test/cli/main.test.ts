import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/run-cli-captured.js';

describe('summarize (the entry point)', () => {
  it('prints help on stdout when asked, exit 0', async () => {
    const result = await runCliCaptured(['--help'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('summarize <arxiv-id>...');
  });

  it('treats no arguments as a usage error: help on stderr, exit 2', async () => {
    const result = await runCliCaptured([], {});
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage');
  });

  it('names an unknown flag once, without a stack trace', async () => {
    const result = await runCliCaptured(['2509.08721', '--jsn'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^summarize: Unknown option '--jsn'/);
    expect(result.stderr).not.toContain('summarize: summarize:');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
