import { UsageError } from '../errors/brief-error.js';

/** A month (`2025-09`) or an ISO week (`2025-W37`): what an issue covers. */
export interface Period {
  kind: 'month' | 'week';
  /** `2025-09` or `2025-W37`: the name in files and records. */
  key: string;
  /** The first and last day, YYYY-MM-DD, both included. */
  first: string;
  last: string;
  /** For readers: `September 2025`, `Week 37, 2025 (8–14 September)`. */
  title: string;
}

const DAY_MS = 86_400_000;

/** `--month 2025-09`: a usage error naming the form when it is not a month; `flag` names the flag typed. */
export function parseMonth(value: string, flag = '--month', otherForm = ''): Period {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new UsageError(`${flag}: ${JSON.stringify(value)} is not a month; expected YYYY-MM, e.g. 2025-09${otherForm}`);
  const year = Number(match[1]);
  const first = new Date(Date.UTC(year, month - 1, 1));
  const last = new Date(Date.UTC(year, month, 0));
  return { kind: 'month', key: value, first: toDay(first), last: toDay(last), title: first.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }) };
}

/** `--week 2025-W37`: an ISO 8601 week (Monday to Sunday; week 1 holds the year's first Thursday); `flag` names the flag typed. */
export function parseWeek(value: string, flag = '--week', otherForm = ''): Period {
  const match = /^(\d{4})-W(\d{2})$/.exec(value);
  const year = Number(match?.[1]);
  const week = Number(match?.[2]);
  if (!match || week < 1 || week > isoWeeksIn(year)) {
    throw new UsageError(`${flag}: ${JSON.stringify(value)} is not an ISO week; expected YYYY-Www from W01 to W${isoWeeksIn(Number.isNaN(year) ? 2025 : year)}, e.g. 2025-W37${otherForm}`);
  }
  const monday = new Date(isoWeekOneMonday(year) + (week - 1) * 7 * DAY_MS);
  const sunday = new Date(monday.getTime() + 6 * DAY_MS);
  const format = (day: Date) => day.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
  return { kind: 'week', key: value, first: toDay(monday), last: toDay(sunday), title: `Week ${week}, ${year} (${format(monday)} – ${format(sunday)})` };
}

/** Exactly one of `--month` or `--week`; neither or both is a usage error. */
export function parsePeriodFlags(values: { month?: string | undefined; week?: string | undefined }, command: string): Period {
  if (values.month !== undefined && values.week !== undefined) throw new UsageError(`${command}: give --month or --week, not both`);
  if (values.month !== undefined) return parseMonth(values.month);
  if (values.week !== undefined) return parseWeek(values.week);
  throw new UsageError(`${command}: which period? e.g. --month 2025-09 or --week 2025-W37`);
}

/** `send --issue 2025-09` or `2025-W37`: a month or a week by its form; a usage error naming both forms otherwise. */
export function parsePeriodKey(value: string): Period {
  if (/^\d{4}-W\d{2}$/.test(value)) return parseWeek(value, '--issue', ', or a month, YYYY-MM, e.g. 2025-09');
  if (/^\d{4}-\d{2}$/.test(value)) return parseMonth(value, '--issue', ', or an ISO week, YYYY-Www, e.g. 2025-W37');
  throw new UsageError(`--issue: ${JSON.stringify(value)} is neither a month (YYYY-MM, e.g. 2025-09) nor an ISO week (YYYY-Www, e.g. 2025-W37)`);
}

export function isDayInPeriod(day: string, period: Period): boolean {
  return day >= period.first && day <= period.last;
}

// --- internal ---

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// The Monday of ISO week 1: the week with 4 January in it.
function isoWeekOneMonday(year: number): number {
  const fourth = Date.UTC(year, 0, 4);
  const weekday = (new Date(fourth).getUTCDay() + 6) % 7;
  return fourth - weekday * DAY_MS;
}

// 53 weeks when the year starts on a Thursday, or on a Wednesday in a leap year.
function isoWeeksIn(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / (7 * DAY_MS);
}
