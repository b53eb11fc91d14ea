import { describe, expect, it } from 'vitest';
import { dedupeArxivIds } from '../../src/arxiv/dedupe-arxiv-ids.js';

describe('dedupeArxivIds', () => {
  it('keeps one entry per paper in first-seen order', () => {
    expect(
      dedupeArxivIds([
        { id: '2509.00002', version: null },
        { id: '2509.00001', version: 1 },
        { id: '2509.00002', version: null },
        { id: '2509.00001', version: 3 },
        { id: '2509.00002', version: 2 },
        { id: '2509.00001', version: 2 },
        { id: 'hep-th/9108004', version: null },
      ]),
    ).toEqual([
      { id: '2509.00002', version: 2 },
      { id: '2509.00001', version: 3 },
      { id: 'hep-th/9108004', version: null },
    ]);
  });

  it('keeps an explicit version over a later request for the latest', () => {
    expect(dedupeArxivIds([{ id: '2509.00001', version: 1 }, { id: '2509.00001', version: null }])).toEqual([
      { id: '2509.00001', version: 1 },
    ]);
  });
});
