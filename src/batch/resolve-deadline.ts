import type { Deadline } from '../config/parse-deadline.js';
import { formatClockTime } from '../format/format-clock-time.js';

/** A deadline as a moment: milliseconds since the epoch, and how to name it (local `HH:MM`). */
export interface ResolvedDeadline {
  at: number;
  label: string;
  /** A rerun's: when the night's first attempt started, which the deadline counts from. */
  firstAttemptAt?: number;
}

// A start up to this long after the time of day is late for it; later, it is early for the next one.
const LATE_WINDOW_MS = 12 * 3_600_000;

/**
 * `06:30`: the 06:30 on this machine's clock (`TZ`) nearest the night's first start, up to 12 h either way, so a
 * first start at 06:45 is 15 min late and one at 22:00 is early for the next morning; `4h`: four hours after that start.
 */
export function resolveDeadline(deadline: Deadline, firstStartedAt: number): ResolvedDeadline {
  if (deadline.kind === 'after-start') return { at: firstStartedAt + deadline.milliseconds, label: formatClockTime(firstStartedAt + deadline.milliseconds, { seconds: false }) };
  const day = new Date(firstStartedAt);
  day.setHours(deadline.hours, deadline.minutes, 0, 0);
  if (day.getTime() <= firstStartedAt - LATE_WINDOW_MS) day.setDate(day.getDate() + 1);
  if (day.getTime() > firstStartedAt + LATE_WINDOW_MS) day.setDate(day.getDate() - 1);
  return { at: day.getTime(), label: formatClockTime(day.getTime(), { seconds: false }) };
}
