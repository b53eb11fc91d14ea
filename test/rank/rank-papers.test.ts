import { describe, expect, it } from 'vitest';
import type { PaperMetadata } from '../../src/brief/brief-schema.js';
import { findMentions } from '../../src/text/find-mentions.js';
import { isEmptyInterests, parseInterests } from '../../src/rank/parse-interests.js';
import { rankPapers } from '../../src/rank/rank-papers.js';
import { scoreByEmbeddings } from '../../src/rank/score-by-embeddings.js';
import { scoreByKeywords } from '../../src/rank/score-by-keywords.js';

function paper(id: string, title: string, abstract = 'An abstract.', extra: Partial<PaperMetadata> = {}): PaperMetadata {
  return {
    id,
    version: 1,
    title,
    authors: ['Ada Lovelace'],
    published: '2025-09-10T12:00:00Z',
    updated: '2025-09-10T12:00:00Z',
    primaryCategory: 'cs.LG',
    categories: ['cs.LG'],
    abstract,
    absUrl: `https://arxiv.org/abs/${id}v1`,
    pdfUrl: `https://arxiv.org/pdf/${id}v1`,
    ...extra,
  };
}

describe('parseInterests', () => {
  it('reads topics, +terms, -terms, example IDs and comments', () => {
    const interests = parseInterests(
      ['# the newsletter', 'retrieval over very long documents   # the main one', '+RAG', '- robot ', 'arXiv:2509.08721', 'https://arxiv.org/abs/2501.00001v2', '', '2509 results'].join('\n'),
    );
    expect(interests).toEqual({
      topics: ['retrieval over very long documents', '2509 results'],
      boosts: ['RAG'],
      excludes: ['robot'],
      examples: [
        { id: '2509.08721', version: null },
        { id: '2501.00001', version: 2 },
      ],
    });
  });

  it('finds nothing in a file of comments and blank lines', () => {
    expect(isEmptyInterests(parseInterests('# later\n\n   \n'))).toBe(true);
    expect(isEmptyInterests(parseInterests('-robot'))).toBe(false);
  });
});

describe('findMentions', () => {
  it('matches whole words, ignoring case', () => {
    expect(findMentions('RAG-based retrieval for Robots', ['rag', 'robot', 'retrieval', 'ret'])).toEqual(['rag', 'retrieval']);
    expect(findMentions('storage of C++ code', ['rag', 'C++'])).toEqual(['C++']);
  });
});

describe('rankPapers', () => {
  const candidates = [paper('1', 'Alpha'), paper('2', 'Beta robot'), paper('3', 'Gamma benchmark'), paper('4', 'Delta')];

  it('orders by relevance, boosts +terms, drops -terms, keeps the top N, ties in source order', () => {
    const ranked = rankPapers(candidates, {
      method: 'interests',
      interests: { boosts: ['benchmark'], excludes: ['robot'] },
      relevance: [
        { score: 0.5, reason: 'nearest interest: a' },
        { score: 0.9, reason: 'nearest interest: b' },
        { score: 0.45, reason: 'nearest interest: c' },
        { score: 0.5, reason: 'nearest interest: a' },
      ],
      top: 2,
    });
    expect(ranked.map((candidate) => [candidate.paper.id, candidate.rank, candidate.score, candidate.selected, candidate.reason])).toEqual([
      ['3', 1, 0.55, true, 'nearest interest: c; boosted: benchmark'],
      ['1', 2, 0.5, true, 'nearest interest: a'],
      ['4', 3, 0.5, false, 'nearest interest: a'],
      ['2', null, 0.9, false, 'excluded: mentions robot'],
    ]);
  });

  it('ranks Hugging Face papers by upvotes and keeps the source order otherwise', () => {
    const upvoted = [paper('1', 'A', '', { upvotes: 3 }), paper('2', 'B', '', { upvotes: 42 }), paper('3', 'C')];
    expect(rankPapers(upvoted, { method: 'upvotes', top: 1 }).map((candidate) => [candidate.paper.id, candidate.reason, candidate.selected])).toEqual([
      ['2', '42 upvotes', true],
      ['1', '3 upvotes', false],
      ['3', '0 upvotes', false],
    ]);
    expect(rankPapers(candidates, { method: 'source', top: 3 }).map((candidate) => [candidate.paper.id, candidate.rank, candidate.selected])).toEqual([
      ['1', 1, true],
      ['2', 2, true],
      ['3', 3, true],
      ['4', 4, false],
    ]);
  });

  it('gives a paper shown before no place in the top: selected to be listed while the top is not full, never counted', () => {
    const ranked = rankPapers(candidates, { method: 'source', top: 2, shownBefore: new Set(['1', '3', '4']) });
    expect(ranked.map((candidate) => [candidate.paper.id, candidate.selected, candidate.shownBefore ?? false])).toEqual([
      ['1', true, true],
      ['2', true, false],
      ['3', true, true],
      ['4', true, true],
    ]);
    // Once the top is full, a paper shown before ranked below it is not listed either.
    const full = rankPapers(candidates, { method: 'source', top: 1, shownBefore: new Set(['3']) });
    expect(full.map((candidate) => [candidate.paper.id, candidate.selected])).toEqual([
      ['1', true],
      ['2', false],
      ['3', false],
      ['4', false],
    ]);
  });
});

describe('scoring', () => {
  it('names the nearest profile entry by cosine similarity', () => {
    const relevance = scoreByEmbeddings(
      [
        [1, 0],
        [0.2, 1],
      ],
      [
        { label: 'graphs', text: 'graphs', vector: [1, 0.1] },
        { label: 'retrieval', text: 'retrieval', vector: [0, 1] },
      ],
    );
    expect(relevance.map((entry) => entry.reason)).toEqual(['nearest interest: graphs', 'nearest interest: retrieval']);
    expect(relevance[0]!.score).toBeCloseTo(0.995, 3);
  });

  it('scores by BM25 keywords, the best candidate at 1, and says which words matched', () => {
    const relevance = scoreByKeywords(
      [
        { title: 'Graph networks', abstract: 'Molecules and graphs.' },
        { title: 'Retrieval over long documents', abstract: 'Long context retrieval.' },
        { title: 'Robots', abstract: 'Walking over rough ground.' },
      ],
      [{ label: 'retrieval over very long documents', text: 'retrieval over very long documents' }],
    );
    expect(relevance[1]).toEqual({ score: 1, reason: 'matches: retrieval, long, documents' });
    expect(relevance[0]).toEqual({ score: 0, reason: '' });
    // "over" is a stop word: it matches nothing.
    expect(relevance[2]).toEqual({ score: 0, reason: '' });
  });
});
