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

  it('keeps page-top sentences that only repeat once their numbers are masked', () => {
    const lemmas = Array.from({ length: 30 }, (_, index) => {
      const number = index + 1;
      return `Lemma ${number}. For every n > ${number + 2} the bound holds.\nProof text of page ${number}.\nMore proof.\nEven more proof.\nThe end of it.\nLast line.`;
    });
    const result = removeRunningHeaders(lemmas);
    expect(result.pages.join('\n').match(/^Lemma \d+\. For every n > \d+ the bound holds\.$/gm)).toHaveLength(30);
  });

  it('still removes a sentence-like line repeated identically on every page', () => {
    const repeated = Array.from({ length: 5 }, (_, index) => `Preprint. Under review at a conference this year.\nBody ${index}.\na\nb\nc\nd\ne\n${index + 1}`);
    const result = removeRunningHeaders(repeated);
    expect(result.pages.slice(1).join('\n')).not.toContain('Preprint. Under review');
  });

  it('leaves a line that repeats in the middle of pages', () => {
    const middle = [1, 2, 3, 4].map((number) => `top ${number}\na\nb\nc\nSee Table 1\nd\ne\nf\nbottom text ${number * 7}x`);
    expect(removeRunningHeaders(middle).pages.join('\n').match(/See Table 1/g)).toHaveLength(4);
  });

  it('needs three pages to call a line a header', () => {
    expect(removeRunningHeaders(['Header line\nbody', 'Header line\nbody']).removed).toBe(0);
  });
});
