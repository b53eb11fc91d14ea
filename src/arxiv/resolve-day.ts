import { UsageError } from '../errors/brief-error.js';
import { parseDay } from './parse-day.js';

export interface ResolveDayOptions {
  /** The clock, for tests. Default: `() => new Date()`. */
  now?: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `today`, `yesterday` (UTC) or a checked `YYYY-MM-DD`, as `YYYY-MM-DD`: crontabs need no date arithmetic in shell. */
export function resolveDay(value: string, { now = () => new Date() }: ResolveDayOptions = {}): string {
  const word = value.trim().toLowerCase();
  if (word === 'today') return now().toISOString().slice(0, 10);
  if (word === 'yesterday') return new Date(now().getTime() - DAY_MS).toISOString().slice(0, 10);
  try {
    parseDay(value);
  } catch {
    throw new UsageError(`${JSON.stringify(value)} is not a day: expected YYYY-MM-DD (e.g. 2025-09-10), today or yesterday (UTC)`);
  }
  return value;
}
