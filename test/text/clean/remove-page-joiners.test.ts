import { describe, expect, it } from 'vitest';
import { removePageJoiners } from '../../../src/text/clean/remove-page-joiners.js';

describe('removePageJoiners', () => {
  it('removes the -- N of M -- lines pdf-parse adds between pages', () => {
    const result = removePageJoiners('end of page one\n-- 1 of 12 --\nstart of page two');
    expect(result.text).toBe('end of page one\nstart of page two');
    expect(result.removed).toBe(1);
  });

  it('keeps such text inside a line', () => {
    expect(removePageJoiners('see -- 1 of 12 -- above').removed).toBe(0);
  });
});
