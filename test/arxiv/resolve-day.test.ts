import { describe, expect, it } from 'vitest';
import { resolveDay } from '../../src/arxiv/resolve-day.js';
import { UsageError } from '../../src/errors/brief-error.js';

// Just after midnight UTC on 1 March of a leap year: the day before is 29 February, whatever the local zone.
const now = () => new Date('2024-03-01T00:05:00Z');

describe('resolveDay', () => {
  it('turns today and yesterday into UTC days from the clock', () => {
    expect(resolveDay('today', { now })).toBe('2024-03-01');
    expect(resolveDay('yesterday', { now })).toBe('2024-02-29');
    expect(resolveDay('Yesterday', { now: () => new Date('2025-01-01T23:59:59Z') })).toBe('2024-12-31');
  });

  it('passes a real YYYY-MM-DD day through', () => {
    expect(resolveDay('2025-09-10', { now })).toBe('2025-09-10');
  });

  it('rejects anything else with a usage error that lists the accepted forms', () => {
    for (const value of ['2025-02-30', 'tomorrow', '2025-9-1', '']) {
      expect(() => resolveDay(value, { now })).toThrow(UsageError);
    }
    expect(() => resolveDay('tomorrow', { now })).toThrow('"tomorrow" is not a day: expected YYYY-MM-DD (e.g. 2025-09-10), today or yesterday (UTC)');
  });
});
