import { describe, expect, it } from 'vitest';
import { countTokens } from '../../src/text/count-tokens.js';

describe('countTokens', () => {
  it('counts o200k_base tokens', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello world')).toBe(2);
  });

  it('counts a 300 kB paper in well under a second', () => {
    const paper = 'We propose a retrieval augmented prompt tuning method for paraphrase generation. '.repeat(3_800);
    expect(paper.length).toBeGreaterThan(300_000);
    const started = performance.now();
    const tokens = countTokens(paper);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(tokens).toBeGreaterThan(40_000);
  });
});
