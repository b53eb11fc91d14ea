import { describe, expect, it } from 'vitest';
import { announcementDay } from '../../src/arxiv/announcement-day.js';

describe('announcementDay', () => {
  it.each([
    // Wednesday 10 Sep 2025 19:59 EDT: Wednesday's mailing is still the latest.
    ['2025-09-10T23:59:00Z', '2025-09-10'],
    // Wednesday 20:00 EDT: Thursday's mailing is out, although it is still Wednesday in New York.
    ['2025-09-11T00:00:00Z', '2025-09-11'],
    // Friday 21:00 EDT and all weekend: Friday's mailing (none on Friday and Saturday evenings).
    ['2025-09-13T01:00:00Z', '2025-09-12'],
    ['2025-09-14T12:00:00Z', '2025-09-12'],
    // Sunday 20:00 EDT: Monday's mailing.
    ['2025-09-15T00:30:00Z', '2025-09-15'],
    // Winter time: Monday 1 Dec 2025 19:30 EST is before the mailing.
    ['2025-12-02T00:30:00Z', '2025-12-01'],
  ])('at %s the latest announcement is dated %s', (now, day) => {
    expect(announcementDay(new Date(now))).toBe(day);
  });
});
