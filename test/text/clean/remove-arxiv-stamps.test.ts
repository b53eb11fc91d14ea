import { describe, expect, it } from 'vitest';
import { removeArxivStamps } from '../../../src/text/clean/remove-arxiv-stamps.js';

describe('removeArxivStamps', () => {
  it('removes the side stamp given as one line, new and old style IDs', () => {
    const result = removeArxivStamps([
      'Title\nand subject to this constraint\narXiv:1804.08269v2 [nucl-th] 17 Aug 2018',
      'arXiv:hep-th/9108004v1 16 Aug 1991\nIASSNS-HEP-91/51',
    ]);
    expect(result.pages).toEqual(['Title\nand subject to this constraint\n', '\nIASSNS-HEP-91/51']);
    expect(result.removed).toBe(2);
  });

  it('removes the stamp given one glyph per line, in either direction', () => {
    const glyphs = [...'arXiv:2202.00535v1 [cs.CL] 1 Feb 2022'].filter((glyph) => glyph !== ' ');
    const forward = removeArxivStamps([`Body line one\n${glyphs.join('\n')}\nBody line two`]);
    expect(forward.pages[0]).toBe('Body line one\nBody line two');
    const backward = removeArxivStamps([`Body\n${[...glyphs].reverse().join('\n')}`]);
    expect(backward.pages[0]).toBe('Body');
    expect(backward.removed).toBe(1);
  });

  it('keeps citations of arXiv IDs, which have no date', () => {
    const page = 'arXiv preprint arXiv:2004.05150, 2020.\narXiv:2108.07258 [cs], August 2021.';
    expect(removeArxivStamps([page]).pages[0]).toBe(page);
  });
});
