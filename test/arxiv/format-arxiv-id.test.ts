import { describe, expect, it } from 'vitest';
import { formatArxivId } from '../../src/arxiv/format-arxiv-id.js';

describe('formatArxivId', () => {
  it('adds the version only when one was asked for', () => {
    expect(formatArxivId({ id: '2509.08721', version: 2 })).toBe('2509.08721v2');
    expect(formatArxivId({ id: '2509.08721', version: null })).toBe('2509.08721');
    expect(formatArxivId({ id: 'hep-th/9108004', version: 1 })).toBe('hep-th/9108004v1');
  });
});
