import { UsageError } from '../errors/brief-error.js';

/** Checks a `YYYY-MM-DD` day (a real calendar date) and returns its parts. */
export function parseDay(date: string): { year: string; month: string; day: string } {
  const match = date.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const [, year = '', month = '', day = ''] = match ?? [];
  const parsed = new Date(`${date}T00:00:00Z`);
  if (!match || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new UsageError(`${JSON.stringify(date)} is not a day: expected YYYY-MM-DD, e.g. 2025-09-10`);
  }
  return { year, month, day };
}
