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

  it('answers a mistyped command with one line naming the closest command, exit 2', async () => {
    const result = await runCliCaptured(['nighly', '--date', '2025-09-11'], {});
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe("summarize: unknown command 'nighly'; did you mean 'nightly'?");
  });

  it('names the closest flag for an unknown one', async () => {
    const result = await runCliCaptured(['nightly', '--dat', '2025-09-11'], {});
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(/^summarize: nightly: Unknown option '--dat'.*did you mean '--date'\?$/);
  });

  it('answers `summarize help nightly` with the help of nightly', async () => {
    const asked = await runCliCaptured(['help', 'nightly'], {});
    const flag = await runCliCaptured(['nightly', '--help'], {});
    expect(asked.code).toBe(0);
    expect(asked.stdout).toBe(flag.stdout);
  });

  it('names an unknown flag once, without a stack trace', async () => {
    const result = await runCliCaptured(['2509.08721', '--jsn'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^summarize: Unknown option '--jsn'/);
    expect(result.stderr).not.toContain('summarize: summarize:');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  for (const command of ['nightly', 'digest', 'text', 'doctor']) {
    it(`answers \`${command} --help\` and \`${command} -h\` with its own usage on stdout, exit 0, before any other check`, async () => {
      for (const flag of ['--help', '-h']) {
        const result = await runCliCaptured([command, flag], {});
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        expect(result.stdout).toMatch(new RegExp(`^summarize ${command}\\b`));
      }
    });
  }

  it('answers `summarize <id> --help` with the usage of summarizing papers', async () => {
    const result = await runCliCaptured(['2509.08721', '-h'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^summarize <arxiv-id>\.\.\./);
  });
});
