import { describe, expect, it } from 'vitest';
import { findRunningHeaderLines, removeRunningHeaders } from '../../../src/text/clean/remove-running-headers.js';

function page(number: number, body: string): string {
  return `JCAP10(2008)003\nApparent and average accelerations\n${body}\nJournal of Cosmology 10 (2008) 003 ${number}`;
}

describe('removeRunningHeaders', () => {
  const pages = [
    'Apparent and average accelerations\nby the authors\nAbstract text\nJournal of Cosmology 10 (2008) 003 1',
    ...['Averaging', 'Models', 'Results', 'Conclusions'].map((body, index) => page(index + 2, `${body} of the paper.`)),
  ];

  it('finds lines repeating at page edges with their digits masked', () => {
    const headers = findRunningHeaderLines(pages);
    expect(headers).toContain('journal of cosmology # (#) # #');
    expect(headers).toContain('apparent and average accelerations');
  });

  it('removes them from every page but keeps the title at the top of the first page', () => {
    const result = removeRunningHeaders(pages);
    expect(result.pages[0]).toBe('Apparent and average accelerations\nby the authors\nAbstract text');
    expect(result.pages[3]).toBe('Results of the paper.');
    expect(result.removed).toBe(13);
  });

  it('leaves a line that repeats in the middle of pages', () => {
    const middle = [1, 2, 3, 4].map((number) => `top ${number}\na\nb\nc\nSee Table 1\nd\ne\nf\nbottom text ${number * 7}x`);
    expect(removeRunningHeaders(middle).pages.join('\n').match(/See Table 1/g)).toHaveLength(4);
  });

  it('needs three pages to call a line a header', () => {
    expect(removeRunningHeaders(['Header line\nbody', 'Header line\nbody']).removed).toBe(0);
  });
});
