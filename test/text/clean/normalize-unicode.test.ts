import { describe, expect, it } from 'vitest';
import { normalizeUnicode } from '../../../src/text/clean/normalize-unicode.js';

describe('normalizeUnicode', () => {
  it('expands ligatures and counts them', () => {
    const result = normalizeUnicode('eﬃcient ﬁeld ﬂow ﬀ');
    expect(result.text).toBe('efficient field flow ff');
    expect(result.ligaturesReplaced).toBe(4);
  });

  it('composes decomposed letters (NFKC)', () => {
    expect(normalizeUnicode('Schro\u0308dinger').text).toBe('Schrödinger');
  });
});
