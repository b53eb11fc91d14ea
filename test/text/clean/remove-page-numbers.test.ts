import { describe, expect, it } from 'vitest';
import { removePageNumbers } from '../../../src/text/clean/remove-page-numbers.js';

describe('removePageNumbers', () => {
  it('removes a bare number that is the first or last line of a page', () => {
    const result = removePageNumbers(['4\nWe envision Paper Plain', 'the coverage\n15\n', 'text\n- 7 -']);
    expect(result.pages).toEqual(['We envision Paper Plain', 'the coverage\n', 'text']);
    expect(result.removed).toBe(3);
  });

  it('keeps numbers inside the page (table cells, equations)', () => {
    expect(removePageNumbers(['Table 2\n42\n17\nend of table']).removed).toBe(0);
  });
});
