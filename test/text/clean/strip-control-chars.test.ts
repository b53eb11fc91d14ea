import { describe, expect, it } from 'vitest';
import { stripControlChars } from '../../../src/text/clean/strip-control-chars.js';

describe('stripControlChars', () => {
  it('removes NULs, C0/C1 controls, soft hyphens and zero-width characters, keeping TABs and newlines', () => {
    const result = stripControlChars('a\u0000b\u0007c\u0085d\u00ADe\u200Bf\uFEFFg\th\ni');
    expect(result.text).toBe('abcdefg\th\ni');
    expect(result.removed).toBe(6);
  });

  it('turns CRLF and lone CR into newlines', () => {
    expect(stripControlChars('one\r\ntwo\rthree').text).toBe('one\ntwo\nthree');
  });
});
