/**
 * `HH:MM:SS` in local time, the stamp a person reading cron mail compares with the crontab;
 * `HH:MM` with `seconds: false` (default true), as a deadline is named.
 */
export function formatClockTime(epochMs: number, options: { seconds?: boolean } = {}): string {
  const date = new Date(epochMs);
  const parts = options.seconds === false ? [date.getHours(), date.getMinutes()] : [date.getHours(), date.getMinutes(), date.getSeconds()];
  return parts.map((part) => String(part).padStart(2, '0')).join(':');
}
