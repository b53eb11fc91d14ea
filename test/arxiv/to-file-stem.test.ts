import { describe, expect, it } from 'vitest';
import { toFileStem } from '../../src/arxiv/to-file-stem.js';

describe('toFileStem', () => {
  it('gives a file name without a slash', () => {
    expect(toFileStem('2509.08721', 2)).toBe('2509.08721v2');
    expect(toFileStem('hep-th/9108004', 1)).toBe('hep-th_9108004v1');
  });
});
