import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../src/text/create-seeded-random.js';

describe('createSeededRandom', () => {
  it('draws the same numbers in [0, 1) for the same seed, and others for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createSeededRandom(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(-1)).toEqual(draw(0xffffffff));
    for (const value of draw(42)) expect(value >= 0 && value < 1).toBe(true);
    // mulberry32's first draw for seed 0, as its reference implementation gives it.
    expect(createSeededRandom(0)()).toBeCloseTo(0.26642920868471265, 15);
  });
});
