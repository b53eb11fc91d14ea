// arXiv's mailings go out Sunday to Thursday at 20:00 US Eastern time and are dated the next day (Monday to Friday).
const ANNOUNCED_AT_HOUR = 20;
const ARXIV_TIME_ZONE = 'America/New_York';

/**
 * The date of the latest announcement at `now`, from arXiv's schedule rather than this machine's clock and zone:
 * after 20:00 Eastern it is tomorrow's mailing; a weekend falls back to Friday's. Holidays are not known here.
 */
export function announcementDay(now: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: ARXIV_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const day = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
  if (Number(parts.hour) >= ANNOUNCED_AT_HOUR) day.setUTCDate(day.getUTCDate() + 1);
  const weekday = day.getUTCDay();
  if (weekday === 6) day.setUTCDate(day.getUTCDate() - 1);
  if (weekday === 0) day.setUTCDate(day.getUTCDate() - 2);
  return day.toISOString().slice(0, 10);
}
