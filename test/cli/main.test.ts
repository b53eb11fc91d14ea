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

describe('first-run mistakes', () => {
  it('a mistyped command gets one line with the closest one, exit 2', async () => {
    const result = await runCliCaptured(['nighly', '--date', '2025-09-10'], {});
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('summarize: unknown command "nighly"; did you mean nightly?');
  });

  it('an unknown flag gets the closest flag of that command', async () => {
    const result = await runCliCaptured(['nightly', '--dat', '2025-09-10'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^summarize: nightly: Unknown option '--dat'; did you mean --date\?/);
  });

  it('`help nightly` shows that command\'s help', async () => {
    const result = await runCliCaptured(['help', 'nightly'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^summarize nightly \[--date/);
  });

  it('names the command as invoked: arxiv-brief when installed as a package', async () => {
    const result = await runCliCaptured(['nighly'], {}, '', 'arxiv-brief');
    expect(result.stderr.split('\n')[0]).toBe('arxiv-brief: unknown command "nighly"; did you mean nightly?');
    const help = await runCliCaptured(['--help'], {}, '', 'arxiv-brief');
    expect(help.stdout).toContain('arxiv-brief nightly [--date');
    expect(help.stdout).not.toMatch(/(^|\s)summarize /m);
  });

  it.each(['digest', 'doctor', 'text', 'send', 'podcast', 'nightly'])('%s accepts --quiet', async (command) => {
    const result = await runCliCaptured([command, '--quiet', '--help'], {});
    expect(result.code).toBe(0);
    const parsed = await runCliCaptured([command, '--quiet', '--no-such-flag'], {});
    expect(parsed.stderr).not.toMatch(/Unknown option '--quiet'/);
  });
});
