import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src/cli/progress/format-duration.js';

describe('formatDuration', () => {
  it.each([
    [0, '0.0s'],
    [350, '0.4s'],
    [9_940, '9.9s'],
    [9_960, '10s'],
    [42_100, '42s'],
    [59_600, '1m00s'],
    [187_000, '3m07s'],
    [3_900_000, '1h05m'],
    [-5, '0.0s'],
  ])('%i ms → %s', (milliseconds, expected) => {
    expect(formatDuration(milliseconds)).toBe(expected);
  });
});
