import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/format/format-duration.js';

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
  ])('compact: %i ms → %s', (milliseconds, expected) => {
    expect(formatDuration(milliseconds)).toBe(expected);
  });

  it.each([
    [0, '0 s'],
    [350, '0.4 s'],
    [1_500, '1.5 s'],
    [42_000, '42 s'],
    [60_000, '1 min'],
    [120_000, '2 min'],
    [187_000, '3 min 7 s'],
    [86_400_000, '24 h'],
    [3_900_000, '1 h 5 min'],
  ])('spaced: %i ms → %s', (milliseconds, expected) => {
    expect(formatDuration(milliseconds, { style: 'spaced' })).toBe(expected);
  });
});
