import { describe, expect, it } from 'vitest';
import { collapseBlankLines } from '../../../src/text/clean/collapse-blank-lines.js';

describe('collapseBlankLines', () => {
  it('keeps one blank line as a paragraph break and trims the ends', () => {
    const result = collapseBlankLines('\n\nfirst paragraph  \n\n\n\nsecond\nline\n\n');
    expect(result.text).toBe('first paragraph\n\nsecond\nline');
    expect(result.collapsed).toBe(1);
  });
});
