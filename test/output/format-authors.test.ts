import { describe, expect, it } from 'vitest';
import { formatAuthors } from '../../src/output/format-authors.js';

describe('formatAuthors', () => {
  it('names up to three authors, then "et al."', () => {
    expect(formatAuthors([])).toBe('Authors not listed');
    expect(formatAuthors(['Ada Lovelace'])).toBe('Ada Lovelace');
    expect(formatAuthors(['A', 'B', 'C'])).toBe('A, B, C');
    expect(formatAuthors(['A', 'B', 'C', 'D'])).toBe('A, B, C et al.');
    expect(formatAuthors(Array.from({ length: 300 }, (_, index) => `Author ${index}`))).toBe('Author 0, Author 1, Author 2 et al.');
  });
});
