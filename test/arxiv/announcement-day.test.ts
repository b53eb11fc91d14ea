import { describe, expect, it } from 'vitest';
import { announcementDay } from '../../src/arxiv/announcement-day.js';

describe('announcementDay', () => {
  it.each([
    ['Wednesday 10 Sep 2025, 19:59 EDT: still Wednesday’s list', '2025-09-10T23:59:00Z', '2025-09-10'],
    ['Wednesday 10 Sep 2025, 20:00 EDT: Thursday’s list is out', '2025-09-11T00:00:00Z', '2025-09-11'],
    ['Thursday 11 Sep 2025, 03:00 UTC (23:00 EDT Wednesday)', '2025-09-11T03:00:00Z', '2025-09-11'],
    ['Saturday 13 Sep 2025: Friday’s list', '2025-09-13T15:00:00Z', '2025-09-12'],
    ['Sunday 14 Sep 2025, 21:00 EDT: Monday’s list', '2025-09-15T01:00:00Z', '2025-09-15'],
    ['Friday 12 Sep 2025, 22:00 EDT: no announcement on Friday evening', '2025-09-13T02:00:00Z', '2025-09-12'],
  ])('%s', (_, now, expected) => {
    expect(announcementDay(new Date(now))).toBe(expected);
  });
});
