/** `HH:MM:SS` in local time, the stamp a person reading cron mail compares with the crontab. */
export function formatClockTime(epochMs: number): string {
  const date = new Date(epochMs);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}
