import { formatCount } from '../format/format-count.js';
import { formatDuration } from '../format/format-duration.js';
import { ASSUMED_CALL_MS } from './create-at-once-lane.js';
import { type BatchDeadline, estimateAtOnceMs } from './find-latest-start.js';
import { formatClockTime } from '../format/format-clock-time.js';
import type { ResolvedDeadline } from './resolve-deadline.js';

export interface BatchChoice {
  batch: boolean;
  /** With `auto`: the batch gives way to direct calls in time for this. */
  deadline?: BatchDeadline;
  /** With `auto`: what was chosen and why, one line for the progress log. */
  line?: string;
  /** With `auto` sending at once: the batches an earlier attempt submitted are collected first, never sent again. */
  onlyRecorded?: boolean;
}

/**
 * `on` and `off` as set; `auto` goes through the Batch API only when the run has a deadline far enough away that the
 * calls could still all be sent at once before it, should the batch not be done in time.
 */
export function chooseBatchMode(input: { mode: 'on' | 'off' | 'auto'; deadline: ResolvedDeadline | undefined; calls: number; concurrency: number; now: number }): BatchChoice {
  const { mode, deadline, calls, concurrency, now } = input;
  if (mode !== 'auto') return { batch: mode === 'on' };
  if (!deadline) return { batch: false, line: 'model calls: sent at once (SUMMARIZE_BATCH=auto uses the Batch API only in a nightly run with a SUMMARIZE_DEADLINE)' };
  const left = deadline.at - now;
  const atOnceMs = estimateAtOnceMs(calls, concurrency, ASSUMED_CALL_MS);
  const work = `${formatCount(calls, 'call')} take about ${formatDuration(atOnceMs, { style: 'spaced' })} sent at once, repairs and margin included`;
  // A rerun counts from the night's first attempt: say so, as its deadline is not the next one after now.
  const counted = deadline.firstAttemptAt === undefined ? '' : ` (counted from the night's first attempt at ${formatClockTime(deadline.firstAttemptAt, { seconds: false })})`;
  if (left <= 0) return { batch: false, line: `model calls: sent at once: the deadline ${deadline.label} passed ${formatDuration(-left, { style: 'spaced' })} ago${counted}` };
  if (left <= atOnceMs) return { batch: false, line: `model calls: sent at once: the deadline ${deadline.label} is ${formatDuration(left, { style: 'spaced' })} away${counted}, and ${work}` };
  return {
    batch: true,
    deadline: { at: deadline.at, label: deadline.label, concurrency },
    line: `model calls: through the Batch API at half price: the deadline ${deadline.label} is ${formatDuration(left, { style: 'spaced' })} away${counted}; if the batch is not done by ${formatClockTime(deadline.at - atOnceMs, { seconds: false })}, it is cancelled and the calls it has not answered go at once (${work})`,
  };
}
