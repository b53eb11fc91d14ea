import { describe, expect, it } from 'vitest';
import { readFileStem, toFileStem, toPaperFileStem } from '../../src/arxiv/to-file-stem.js';

describe('toFileStem', () => {
  it('gives a file name without a slash', () => {
    expect(toFileStem('2509.08721', 2)).toBe('2509.08721v2');
    expect(toFileStem('hep-th/9108004', 1)).toBe('hep-th_9108004v1');
  });
});

describe('toPaperFileStem', () => {
  it('gives what the file names of every version start with', () => {
    expect(toPaperFileStem('2509.08721')).toBe('2509.08721');
    expect(toPaperFileStem('hep-th/9108004')).toBe('hep-th_9108004');
  });
});

describe('readFileStem', () => {
  it("reads the stem any of a paper's files starts with", () => {
    expect(readFileStem('2509.08721v2.flowchart.png')).toEqual({ stem: '2509.08721v2', paperStem: '2509.08721', version: 2, rest: '.flowchart.png' });
    expect(readFileStem('hep-th_9108004v11.blurb.de.json')).toEqual({ stem: 'hep-th_9108004v11', paperStem: 'hep-th_9108004', version: 11, rest: '.blurb.de.json' });
    expect(readFileStem('index.html')).toBeUndefined();
  });
});
