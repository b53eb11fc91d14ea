import type { Deadline } from '../config/parse-deadline.js';

/** A deadline as a moment: milliseconds since the epoch, and how to name it (local `HH:MM`). */
export interface ResolvedDeadline {
  at: number;
  label: string;
}

/** `06:30`: the next 06:30 on this machine's clock (`TZ`) after the run started; `4h`: four hours after it started. */
export function resolveDeadline(deadline: Deadline, startedAt: number): ResolvedDeadline {
  if (deadline.kind === 'after-start') return { at: startedAt + deadline.milliseconds, label: formatTimeOfDay(startedAt + deadline.milliseconds) };
  const day = new Date(startedAt);
  day.setHours(deadline.hours, deadline.minutes, 0, 0);
  // A night that starts after its deadline's time of day runs into tomorrow's.
  if (day.getTime() <= startedAt) day.setDate(day.getDate() + 1);
  return { at: day.getTime(), label: formatTimeOfDay(day.getTime()) };
}

/** `05:42`, on this machine's clock. */
export function formatTimeOfDay(at: number): string {
  const time = new Date(at);
  return `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
}
