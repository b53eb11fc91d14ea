import { describe, expect, it } from 'vitest';
import type { PaperMetadata } from '../../src/brief/brief-schema.js';
import type { LearnPaper } from '../../src/learn/learn-paper.js';
import { planBriefUnion } from '../../src/night/plan-brief-union.js';
import { rankForReaders } from '../../src/night/rank-for-readers.js';
import type { ReaderProfileEntry } from '../../src/readers/read-reader-profiles.js';
import { TOPIC_PAPERS } from '../helpers/learn-papers.js';

// The day's candidates: graphs and robots papers, alternating, as arXiv metadata.
const CANDIDATES: PaperMetadata[] = [...TOPIC_PAPERS.graphs.slice(2), ...TOPIC_PAPERS.robots.slice(2)].map((paper, index) => toMetadata(paper, index));
// A topic's direction: what an embedding model would give a paper of it.
const DIRECTIONS = { g: [1, 0, 0.1], r: [0, 1, 0.1], s: [0.1, 0.1, 1] } as const;

function toMetadata(paper: LearnPaper, index: number): PaperMetadata {
  const id = `2509.${String(20_001 + index)}`;
  return { id, version: 1, title: paper.title, abstract: paper.abstract, authors: paper.authors, published: '2025-09-10T00:00:00Z', updated: '2025-09-10T00:00:00Z', primaryCategory: 'cs.LG', categories: ['cs.LG'], absUrl: `https://arxiv.org/abs/${id}v1`, pdfUrl: `https://arxiv.org/pdf/${id}v1` };
}

function embed(paper: LearnPaper): LearnPaper {
  return { ...paper, embedding: DIRECTIONS[paper.id[0] as keyof typeof DIRECTIONS] };
}

function reader(address: string, liked: 'graphs' | 'robots', embedded = false): ReaderProfileEntry {
  const disliked = liked === 'graphs' ? 'robots' : 'graphs';
  const votes = [
    ...TOPIC_PAPERS[liked].slice(0, 2).map((paper) => ({ paper, vote: 'up' as const, at: '2025-09-01T00:00:00Z' })),
    ...TOPIC_PAPERS[disliked].slice(0, 2).map((paper) => ({ paper, vote: 'down' as const, at: '2025-09-01T00:00:00Z' })),
  ].map((vote) => (embedded ? { ...vote, paper: embed(vote.paper) } : vote));
  return { address, profile: { votes, library: [], never: [], follow: [] } };
}

const OPTIONS = { date: '2025-09-10', top: 3, now: new Date('2025-09-10T06:00:00Z'), halfLifeDays: 90 };
const topicOf = (paperId: string) => (CANDIDATES.find((paper) => paper.id === paperId)!.title.match(/robot/i) ? 'robots' : 'graphs');

describe('rankForReaders', () => {
  it("gives each reader their own top N, by their votes, with the shared ranking's reasons to fall back on", () => {
    const copies = rankForReaders(CANDIDATES, undefined, [reader('grace@example.org', 'graphs'), reader('rodney@example.org', 'robots')], OPTIONS);

    expect(copies.get('grace@example.org')!.map((pick) => topicOf(pick.paperId))).toEqual(['graphs', 'graphs', 'graphs']);
    expect(copies.get('rodney@example.org')!.map((pick) => topicOf(pick.paperId))).toEqual(['robots', 'robots', 'robots']);
    expect(copies.get('grace@example.org')![0]!.parts.features).toBe('tf-idf');
  });

  it('adds an "outside your usual" pick after a copy of five own picks, not in place of one', () => {
    const copies = rankForReaders(CANDIDATES, undefined, [reader('grace@example.org', 'graphs')], { ...OPTIONS, top: 5 });

    const picks = copies.get('grace@example.org')!;
    expect(picks).toHaveLength(6);
    expect(picks.map((pick) => pick.explore)).toEqual([false, false, false, false, false, true]);
    expect(picks.slice(0, 3).map((pick) => topicOf(pick.paperId))).toEqual(['graphs', 'graphs', 'graphs']);
  });

  it('reads the cached embeddings when every paper has one', () => {
    const embeddings = new Map(CANDIDATES.map((paper) => [paper.id, DIRECTIONS[topicOf(paper.id) === 'graphs' ? 'g' : 'r']]));

    const copies = rankForReaders(CANDIDATES, undefined, [reader('grace@example.org', 'graphs', true)], { ...OPTIONS, embeddings });

    const picks = copies.get('grace@example.org')!;
    expect(picks[0]!.parts.features).toBe('embeddings');
    expect(picks.map((pick) => topicOf(pick.paperId))).toEqual(['graphs', 'graphs', 'graphs']);
  });
});

describe('planBriefUnion', () => {
  it('briefs the shared picks first, then the readers’ picks in turns by rank, each paper once', () => {
    const [a, b, c, d, e, f] = CANDIDATES;
    const union = planBriefUnion([a!, b!], [[{ paperId: c!.id }, { paperId: a!.id }, { paperId: e!.id }], [{ paperId: b!.id }, { paperId: d!.id }, { paperId: 'not-a-candidate' }, { paperId: f!.id }]], CANDIDATES);

    expect(union.map((paper) => paper.id)).toEqual([a, b, c, d, e, f].map((paper) => paper!.id));
  });
});
