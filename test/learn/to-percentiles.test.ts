import { describe, expect, it } from 'vitest';
import { toPercentiles } from '../../src/learn/to-percentiles.js';

describe('toPercentiles', () => {
  it('places the highest score at 1, the lowest at 0, ties at their mean place', () => {
    expect(toPercentiles([0.2, 0.9, 0.5, 0.5, Number.NEGATIVE_INFINITY])).toEqual([0.25, 1, 0.625, 0.625, 0]);
  });

  it('gives a lone score 1', () => {
    expect(toPercentiles([3])).toEqual([1]);
  });
});
