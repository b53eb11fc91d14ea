import type { PaperEvent, PaperEventKind, ProgressReporter, ProgressTotals } from '../../run/progress-reporter.js';
import { formatClockTime } from '../../format/format-clock-time.js';
import { formatDuration } from '../../format/format-duration.js';
import { formatUsd } from './format-usd.js';
import { renderOutcomeLine } from './render-outcome-line.js';
import { renderProgressLine } from './render-progress-line.js';
import { toTerminalText } from './to-terminal-text.js';

export interface ProgressReporterOptions {
  /** Default: `process.stderr`, so stdout stays clean for data. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** A redrawn bar on a terminal, one plain line per paper otherwise (cron mail). Default: `stream.isTTY`. */
  isTTY?: boolean;
  /** Only errors and failed papers. Default: false. */
  quiet?: boolean;
  /** Default: `Date.now`. */
  now?: () => number;
  /** Width of the bar line. Default: `stream.columns`, else 80. */
  columns?: number;
  /** Fewest milliseconds between two redraws of the bar. Default: 100 (at most 10 per second). */
  redrawIntervalMs?: number;
}

/** Tells the person (or the cron mail) how the run goes, on stderr. */
export function createProgressReporter(options: ProgressReporterOptions = {}): ProgressReporter {
  const {
    stream = process.stderr,
    isTTY = stream.isTTY === true,
    quiet = false,
    now = Date.now,
    columns = stream.columns ?? 80,
    redrawIntervalMs = 100,
  } = options;
  const state = {
    startedAt: now(),
    total: 0,
    done: 0,
    failed: 0,
    spendUsd: 0,
    spendUnknown: false,
    finished: false,
    firstSeenAt: new Map<string, number>(),
    active: new Map<string, string>(),
  };
  const bar = { shown: false, lastDrawAt: Number.NEGATIVE_INFINITY, timer: undefined as NodeJS.Timeout | undefined };

  const barWanted = () => isTTY && !quiet && !state.finished && state.total > 0;

  function drawBar(): void {
    clearTimer();
    if (!barWanted()) return;
    bar.lastDrawAt = now();
    bar.shown = true;
    const activities = [...state.active.values()];
    const latest = activities.at(-1);
    const activity = latest && activities.length > 1 ? `${latest} (+${activities.length - 1} more)` : latest;
    stream.write(`\r${CLEAR_LINE}${renderProgressLine({ ...state, activity, columns })}`);
  }

  function scheduleBar(): void {
    if (!barWanted() || bar.timer) return;
    const waitMs = bar.lastDrawAt + redrawIntervalMs - now();
    if (waitMs <= 0) return drawBar();
    bar.timer = setTimeout(drawBar, waitMs);
    bar.timer.unref();
  }

  function clearTimer(): void {
    if (bar.timer) clearTimeout(bar.timer);
    bar.timer = undefined;
  }

  // Lines go above the bar: erase it, print, draw it again underneath.
  function printLine(text: string): void {
    if (isTTY) {
      stream.write(`${bar.shown ? `\r${CLEAR_LINE}` : ''}${text}\n`);
      bar.shown = false;
      drawBar();
    } else {
      stream.write(`${text}\n`);
    }
  }

  function printMessage(prefix: string, line: string): void {
    const body = `${prefix}${toTerminalText(line)}`;
    printLine(isTTY ? body : `${formatClockTime(now())} ${body}`);
  }

  return {
    start(total) {
      state.startedAt = now();
      state.total = total;
      if (quiet) return;
      if (isTTY) drawBar();
      else printLine(`${formatClockTime(now())} ${total} ${total === 1 ? 'paper' : 'papers'} to process`);
    },

    paperEvent(event) {
      if (!state.firstSeenAt.has(event.id)) state.firstSeenAt.set(event.id, now());
      if (!isOutcome(event.kind)) {
        state.active.delete(event.id);
        state.active.set(event.id, describeActivity(event));
        scheduleBar();
        return;
      }
      state.active.delete(event.id);
      state.done += 1;
      if (event.kind === 'failed') state.failed += 1;
      if (typeof event.costUsd === 'number') state.spendUsd += event.costUsd;
      if (event.costUsd === null) state.spendUnknown = true;
      const showLine = quiet ? event.kind === 'failed' : !isTTY || event.kind === 'failed';
      if (showLine) {
        const firstSeenAt = state.firstSeenAt.get(event.id) ?? now();
        printLine(
          renderOutcomeLine({
            ...event,
            kind: event.kind,
            at: now(),
            durationMs: event.durationMs ?? now() - firstSeenAt,
            done: state.done,
            total: state.total,
          }),
        );
      } else {
        scheduleBar();
      }
      state.firstSeenAt.delete(event.id);
    },

    log(line) {
      if (!quiet) printMessage('', line);
    },

    warn(line) {
      if (!quiet) printMessage('warning: ', line);
    },

    error(line) {
      printMessage('error: ', line);
    },

    finish(totals) {
      if (state.finished) return;
      clearTimer();
      if (bar.shown) stream.write(`\r${CLEAR_LINE}`);
      bar.shown = false;
      state.finished = true;
      if (quiet) return;
      const summary = describeTotals(totals, now() - state.startedAt);
      printLine(isTTY ? summary : `${formatClockTime(now())} ${summary}`);
    },
  };
}

// --- internal ---

const CLEAR_LINE = '\u001b[2K';

function isOutcome(kind: PaperEventKind): kind is 'summarized' | 'skipped' | 'failed' {
  return kind === 'summarized' || kind === 'skipped' || kind === 'failed';
}

function describeActivity(event: PaperEvent): string {
  const title = event.title ? ` ${toTerminalText(event.title, { singleLine: true, maxLength: 50 })}` : '';
  return `${event.kind} ${toTerminalText(event.id, { singleLine: true })}${title}`;
}

function describeTotals(totals: ProgressTotals, durationMs: number): string {
  const counts = [
    `${totals.summarized} summarized`,
    `${totals.skipped} skipped`,
    `${totals.failed} failed`,
    ...(totals.notStarted > 0 ? [`${totals.notStarted} not started`] : []),
  ];
  const spend = totals.costUnknown ? `${formatUsd(totals.costUsd)}+ (some costs are unknown: see the run report)` : formatUsd(totals.costUsd);
  // The share of input tokens the server read from its prompt cache, billed at the cached-input price.
  const cached = totals.inputTokens ? `; cached ${Math.round((100 * (totals.cachedInputTokens ?? 0)) / totals.inputTokens)} %` : '';
  // The share answered through the Batch API, at half the price; the rest was sent at once.
  const batched = totals.inputTokens && totals.batchedInputTokens ? `; batch ${Math.round((100 * totals.batchedInputTokens) / totals.inputTokens)} %` : '';
  return `done in ${formatDuration(durationMs)}: ${counts.join(', ')}; spent ${spend}${cached}${batched}`;
}
