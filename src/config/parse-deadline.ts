/** When a nightly run must be done: a time of day on this machine's clock (`TZ`), or a duration after the run starts. */
export type Deadline = { kind: 'time-of-day'; hours: number; minutes: number } | { kind: 'after-start'; milliseconds: number };

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000 };

/** `06:30` or `4h`, `90m`, `1h30m`; a string saying what was expected when it is neither. */
export function parseDeadline(value: string): Deadline | string {
  const text = value.trim().toLowerCase();
  const time = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (time) {
    const hours = Number(time[1]);
    const minutes = Number(time[2]);
    if (hours < 24 && minutes < 60) return { kind: 'time-of-day', hours, minutes };
  }
  const duration = /^(?:(\d+)h)?(?:(\d+)m)?$/.exec(text);
  if (duration && (duration[1] !== undefined || duration[2] !== undefined)) {
    const milliseconds = Number(duration[1] ?? 0) * UNIT_MS['h']! + Number(duration[2] ?? 0) * UNIT_MS['m']!;
    if (milliseconds > 0) return { kind: 'after-start', milliseconds };
  }
  return "expected a time of day such as 06:30 (24-hour, this machine's time zone) or a duration after the run starts such as 4h, 90m or 1h30m";
}
