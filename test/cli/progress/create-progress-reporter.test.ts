import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createProgressReporter } from '../../../src/cli/progress/create-progress-reporter.js';
import type { ProgressTotals } from '../../../src/run/progress-reporter.js';

// A stderr stand-in that keeps every chunk, as the terminal or the cron mail would receive them.
function createCapture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
}

// What a person sees on a terminal: `\r` goes to column 0, ESC[2K clears the line, `\n` starts a new one.
function renderScreen(output: string): string[] {
  const lines = [''];
  let column = 0;
  for (const token of output.match(/\u001b\[2K|\r|\n|[^\r\n\u001b]+/g) ?? []) {
    const row = lines.length - 1;
    if (token === '\r') column = 0;
    else if (token === '\n') {
      lines.push('');
      column = 0;
    } else if (token === '\u001b[2K') lines[row] = '';
    else {
      const current = lines[row]!.padEnd(column);
      lines[row] = current.slice(0, column) + token + current.slice(column + token.length);
      column += token.length;
    }
  }
  return lines;
}

// A clock that starts at 02:00:01 local time and moves only when told.
function createClock() {
  let current = new Date(2026, 10, 22, 2, 0, 1).getTime();
  return { now: () => current, advance: (milliseconds: number) => (current += milliseconds) };
}

const totals: ProgressTotals = { summarized: 1, skipped: 1, failed: 1, notStarted: 0, costUsd: 0.0123, costUnknown: false };
const ANSI_OR_CARRIAGE_RETURN = /[\u001b\u009b\r]/;

describe('createProgressReporter without a terminal (cron mail)', () => {
  it('prints one timestamped plain line per paper outcome and nothing for intermediate steps', () => {
    const capture = createCapture();
    const clock = createClock();
    const reporter = createProgressReporter({ stream: capture.stream, isTTY: false, now: clock.now });

    reporter.start(3);
    reporter.paperEvent({ id: '2511.00001', title: 'Attention Is Still\n  All You Need', kind: 'downloading' });
    reporter.paperEvent({ id: '2511.00001', kind: 'downloading' });
    reporter.paperEvent({ id: '2511.00001', kind: 'generating' });
    clock.advance(42_100);
    reporter.paperEvent({ id: '2511.00001', title: 'Attention Is Still\n  All You Need', kind: 'summarized', costUsd: 0.0123 });
    reporter.paperEvent({ id: '2511.00002', kind: 'skipped', detail: 'already summarized', durationMs: 3 });
    clock.advance(1000);
    reporter.paperEvent({
      id: '2511.00003',
      title: 'A Very Long Title About Large Language Models That Goes On And On Beyond Any Reasonable Length',
      kind: 'failed',
      detail: 'download: HTTP 404 from https://arxiv.org/pdf/2511.00003v1',
      durationMs: 310,
    });
    reporter.warn('2511.00003: ignored');
    reporter.finish(totals);

    expect(capture.text()).toBe(
      [
        '02:00:01 3 papers to process',
        '02:00:43 [1/3] summarized 2511.00001 "Attention Is Still All You Need" $0.0123 42s',
        '02:00:43 [2/3] skipped 2511.00002 0.0s — already summarized',
        '02:00:44 [3/3] failed 2511.00003 "A Very Long Title About Large Language Models That Goes On…" 0.3s — download: HTTP 404 from https://arxiv.org/pdf/2511.00003v1',
        '02:00:44 warning: 2511.00003: ignored',
        '02:00:44 done in 43s: 1 summarized, 1 skipped, 1 failed; spent $0.0123',
        '',
      ].join('\n'),
    );
  });

  it('never writes ANSI codes or carriage returns, even when titles and messages carry them', () => {
    const capture = createCapture();
    const reporter = createProgressReporter({ stream: capture.stream, isTTY: false, now: createClock().now });
    reporter.start(1);
    reporter.paperEvent({ id: '2511.00001', title: '\u001b[31mRed\u001b[0m title\r\nwith \u009b2K tricks', kind: 'generating' });
    reporter.paperEvent({ id: '2511.00001', title: '\u001b[31mRed\u001b[0m title\r\nwith \u009b2K tricks', kind: 'summarized', costUsd: null });
    reporter.error('model said \u001b]0;pwned\u0007 no\rway');
    reporter.finish({ ...totals, costUnknown: true });

    const output = capture.text();
    expect(output).not.toMatch(ANSI_OR_CARRIAGE_RETURN);
    expect(output).toContain('summarized 2511.00001 "Red title with tricks" cost unknown');
    expect(output).toContain('error: model said  no way');
    expect(output).toContain('spent $0.0123+ (some costs are unknown: see the run report)');
  });

  it('keeps the lines of a multi-line error', () => {
    const capture = createCapture();
    const reporter = createProgressReporter({ stream: capture.stream, isTTY: false, now: createClock().now });
    reporter.error('invalid configuration:\n  - model: required');
    expect(capture.text()).toBe('02:00:01 error: invalid configuration:\n  - model: required\n');
  });
});

describe('createProgressReporter on a terminal', () => {
  it('redraws one bar line in place with done/total, failures, spend and the current activity', async () => {
    const capture = createCapture();
    const clock = createClock();
    const reporter = createProgressReporter({ stream: capture.stream, isTTY: true, now: clock.now, columns: 120 });

    reporter.start(4);
    expect(renderScreen(capture.text())).toEqual(['[░░░░░░░░░░░░░░░░░░░░] 0/4 papers · $0.0000']);

    clock.advance(200);
    reporter.paperEvent({ id: '2511.00001', kind: 'summarized', costUsd: 0.01 });
    clock.advance(200);
    reporter.paperEvent({ id: '2511.00002', title: 'Sparse Mixtures', kind: 'generating' });
    expect(renderScreen(capture.text())).toEqual([
      '[█████░░░░░░░░░░░░░░░] 1/4 papers · $0.0100 · generating 2511.00002 Sparse Mixtures',
    ]);
    reporter.paperEvent({ id: '2511.00003', kind: 'downloading' });
    reporter.finish(totals);
    const afterFinish = capture.text();
    await sleep(150);
    expect(capture.text()).toBe(afterFinish);
    expect(renderScreen(afterFinish)).toEqual(['done in 0.4s: 1 summarized, 1 skipped, 1 failed; spent $0.0123', '']);
  });

  it('prints warnings, errors and failed papers above the bar without corrupting it', () => {
    const capture = createCapture();
    const clock = createClock();
    const reporter = createProgressReporter({ stream: capture.stream, isTTY: true, now: clock.now, columns: 120 });

    reporter.start(2);
    reporter.paperEvent({ id: '2511.00001', title: 'First', kind: 'downloading' });
    reporter.warn('arXiv asked us to slow down');
    clock.advance(500);
    reporter.paperEvent({ id: '2511.00001', title: 'First', kind: 'failed', detail: 'extract: no text layer' });
    reporter.error('the model endpoint timed out');

    expect(renderScreen(capture.text())).toEqual([
      'warning: arXiv asked us to slow down',
      '02:00:01 [1/2] failed 2511.00001 "First" 0.5s — extract: no text layer',
      'error: the model endpoint timed out',
      '[██████████░░░░░░░░░░] 1/2 papers · 1 failed · $0.0000',
    ]);
    reporter.finish(totals);
  });

  it('throttles redraws to one per interval and draws the latest state when the interval ends', async () => {
    const capture = createCapture();
    const reporter = createProgressReporter({ stream: capture.stream, isTTY: true, now: createClock().now, columns: 120 });
    reporter.start(50);
    for (let index = 0; index < 50; index++) reporter.paperEvent({ id: `2511.${String(index).padStart(5, '0')}`, kind: 'generating' });
    expect(capture.text().match(/\r/g)).toHaveLength(1);

    await sleep(200);
    expect(capture.text().match(/\r/g)).toHaveLength(2);
    expect(renderScreen(capture.text())).toEqual(['[░░░░░░░░░░░░░░░░░░░░] 0/50 papers · $0.0000 · generating 2511.00049 (+49 more)']);
    reporter.finish(totals);
  });

  it('keeps the bar narrower than the terminal so it never wraps', () => {
    const capture = createCapture();
    const reporter = createProgressReporter({ stream: capture.stream, isTTY: true, now: createClock().now, columns: 60 });
    reporter.start(3);
    reporter.paperEvent({ id: '2511.00001', title: 'A title long enough to overflow a sixty column terminal', kind: 'generating' });
    reporter.finish(totals);
    const barLines = capture.text().split('\r').filter((chunk) => chunk.includes('papers'));
    expect(barLines.length).toBeGreaterThan(0);
    for (const line of barLines) expect(Array.from(line.replace('\u001b[2K', '')).length).toBeLessThanOrEqual(59);
  });

  it('erases the bar at the end and leaves the summary', () => {
    const capture = createCapture();
    const clock = createClock();
    const reporter = createProgressReporter({ stream: capture.stream, isTTY: true, now: clock.now, columns: 120 });
    reporter.start(1);
    clock.advance(187_000);
    reporter.paperEvent({ id: '2511.00001', kind: 'summarized', costUsd: 0.0123 });
    reporter.finish({ ...totals, failed: 0, skipped: 0, notStarted: 2 });
    expect(renderScreen(capture.text())).toEqual(['done in 3m07s: 1 summarized, 0 skipped, 0 failed, 2 not started; spent $0.0123', '']);
  });

  it('says what share of the input the server read from its prompt cache', () => {
    const capture = createCapture();
    const reporter = createProgressReporter({ stream: capture.stream, isTTY: true, now: createClock().now });
    reporter.start(1);
    reporter.finish({ ...totals, inputTokens: 120_000, cachedInputTokens: 85_248 });
    expect(renderScreen(capture.text())).toEqual(['done in 0.0s: 1 summarized, 1 skipped, 1 failed; spent $0.0123; cached 71 %', '']);
  });

  it('draws no bar when there are no papers', () => {
    const capture = createCapture();
    const reporter = createProgressReporter({ stream: capture.stream, isTTY: true, now: createClock().now });
    reporter.start(0);
    reporter.warn('the source listed no papers for 2026-11-21');
    reporter.finish({ ...totals, summarized: 0, skipped: 0, failed: 0, costUsd: 0 });
    expect(capture.text()).not.toContain('█');
    expect(capture.text()).not.toContain('░');
    expect(renderScreen(capture.text())).toEqual([
      'warning: the source listed no papers for 2026-11-21',
      'done in 0.0s: 0 summarized, 0 skipped, 0 failed; spent $0.0000',
      '',
    ]);
  });
});

describe('createProgressReporter when quiet', () => {
  for (const isTTY of [true, false]) {
    it(`prints only errors and failed papers (${isTTY ? 'terminal' : 'no terminal'})`, async () => {
      const capture = createCapture();
      const reporter = createProgressReporter({ stream: capture.stream, isTTY, quiet: true, now: createClock().now });
      reporter.start(2);
      reporter.paperEvent({ id: '2511.00001', kind: 'generating' });
      reporter.paperEvent({ id: '2511.00001', kind: 'summarized', costUsd: 0.01 });
      reporter.paperEvent({ id: '2511.00002', kind: 'failed', detail: 'generate: no valid output after 3 attempts', durationMs: 1000 });
      reporter.log('writing digest');
      reporter.warn('slow down');
      reporter.error('digest could not be written');
      reporter.finish(totals);
      await sleep(150);

      const stamp = isTTY ? '' : '02:00:01 ';
      expect(capture.text()).toBe(
        [
          '02:00:01 [2/2] failed 2511.00002 1.0s — generate: no valid output after 3 attempts',
          `${stamp}error: digest could not be written`,
          '',
        ].join('\n'),
      );
    });
  }
});
