const DAY_MS = 24 * 60 * 60 * 1000;
const ANNOUNCEMENT_HOUR = 20; // arXiv announces at 20:00 US Eastern, Sunday to Thursday
const ANNOUNCING_WEEKDAYS = [0, 1, 2, 3, 4]; // Sunday..Thursday, each dated the next day

/** The date (YYYY-MM-DD) of arXiv's latest announcement at `now`, from its schedule: for a feed without a readable pubDate. */
export function announcementDay(now: Date): string {
  const eastern = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
  const parts = Object.fromEntries(eastern.formatToParts(now).map((part) => [part.type, part.value]));
  const today = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  for (let back = Number(parts.hour) >= ANNOUNCEMENT_HOUR ? 0 : 1; ; back++) {
    const evening = new Date(today - back * DAY_MS);
    if (ANNOUNCING_WEEKDAYS.includes(evening.getUTCDay())) return new Date(evening.getTime() + DAY_MS).toISOString().slice(0, 10);
  }
}
