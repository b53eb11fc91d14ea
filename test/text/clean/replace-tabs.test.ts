import { describe, expect, it } from 'vitest';
import { replaceTabs } from '../../../src/text/clean/replace-tabs.js';

describe('replaceTabs', () => {
  it('turns each run of TABs and spaces around a TAB into one space', () => {
    const result = replaceTabs('In \tthis\t\tpaper \t we');
    expect(result.text).toBe('In this paper we');
    expect(result.replaced).toBe(3);
  });

  it('trims trailing blanks so a line-final hyphen stays visible', () => {
    expect(replaceTabs('repre- \t\nsentation').text).toBe('repre-\nsentation');
  });
});
