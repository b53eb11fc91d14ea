import { describe, expect, it } from 'vitest';
import { ASSUMED_CALL_MS, createAtOnceLane } from '../../src/batch/create-at-once-lane.js';
import { findLatestStart } from '../../src/batch/find-latest-start.js';

describe('the calls a batch run sends at once', () => {
  it('assumes a minute a call until it has timed its own, then takes their median', async () => {
    let now = 0;
    const lane = createAtOnceLane(2, () => now);
    expect(lane.callMs()).toBe(ASSUMED_CALL_MS);
    // Each call "takes" the time it moves the clock by.
    const call = (milliseconds: number) => lane.send(async () => (now += milliseconds));
    await call(20_000);
    await call(90_000);
    await call(30_000);
    expect(lane.callMs()).toBe(30_000);
  });

  it('runs at most its concurrency side by side, the next as one ends', async () => {
    const lane = createAtOnceLane(2, Date.now);
    const running: Array<() => void> = [];
    const calls = Array.from({ length: 3 }, () => lane.send(() => new Promise<void>((resolve) => running.push(resolve))));
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    expect(running).toHaveLength(2);
    running[0]!();
    await settle();
    expect(running).toHaveLength(3);
    running.slice(1).forEach((end) => end());
    await Promise.all(calls);
  });

  it('gives a batch up when the lines left, two calls each at the measured time, would only just fit before the deadline with its margin', () => {
    const deadline = { at: 10 * 3_600_000, label: '10:00', concurrency: 4 };
    // 10 lines: 20 calls, 4 at a time, 5 rounds of 30 s, and the 15 min margin.
    expect(findLatestStart(deadline, 10, 30_000)).toBe(deadline.at - 5 * 30_000 - 15 * 60_000);
  });
});
