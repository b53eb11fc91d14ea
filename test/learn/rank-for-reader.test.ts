import { describe, expect, it } from 'vitest';
import type { LearnPaper } from '../../src/learn/learn-paper.js';
import { rankForReader, type RankForReaderOptions } from '../../src/learn/rank-for-reader.js';
import type { ReaderProfile } from '../../src/learn/reader-profile.js';
import { createSeededRandom } from '../../src/text/create-seeded-random.js';
import { TOPIC_PAPERS } from '../helpers/learn-papers.js';

const { graphs, speech, robots } = TOPIC_PAPERS;
const NOW = new Date('2026-12-07T06:00:00Z');
const LAST_WEEK = '2026-11-30T12:00:00Z';

function options(overrides: Partial<RankForReaderOptions> = {}): RankForReaderOptions {
  return { now: NOW, halfLifeDays: 90, explore: 0, random: createSeededRandom(7), background: [], ...overrides };
}

// The newsletter's shared ranking: the given papers in this order, scores falling, a keyword reason each.
function sharedOrder(papers: readonly LearnPaper[]): Map<string, { score: number; reason: string }> {
  return new Map(papers.map((paper, index) => [paper.id, { score: 1 - index / 100, reason: `matches: ${paper.title.split(' ')[0]!.toLowerCase()}` }]));
}

function profile(overrides: Partial<ReaderProfile> = {}): ReaderProfile {
  return { votes: [], library: [], never: [], follow: [], ...overrides };
}

function votes(papers: readonly LearnPaper[], vote: 'up' | 'down', at = LAST_WEEK): ReaderProfile['votes'] {
  return papers.map((paper) => ({ paper, vote, at }));
}

const ids = (papers: readonly { id: string }[]) => papers.map((paper) => paper.id);

describe('rankForReader', () => {
  it('gives a reader with no votes and no library the shared order itself, with its reasons and no explore picks', () => {
    const candidates = [...graphs, ...speech, ...robots];
    const shared = sharedOrder([...robots, ...speech, ...graphs]);
    const picks = rankForReader(candidates, profile(), shared, options({ explore: 2 }));
    expect(picks.map((pick) => pick.paperId)).toEqual(ids([...robots, ...speech, ...graphs]));
    expect(picks.some((pick) => pick.explore)).toBe(false);
    expect(picks[0]!.reason).toBe('matches learning');
    expect(picks[0]!.parts).toMatchObject({ modelScore: null, modelWeight: 0, features: 'none', rule: null });
  });

  it('puts the topic a reader 👍\'d first, whatever the shared order', () => {
    const candidates = [...graphs.slice(3), ...speech, ...robots];
    const shared = sharedOrder([...speech, ...robots, ...graphs.slice(3)]);
    const picks = rankForReader(candidates, profile({ votes: votes(graphs.slice(0, 3), 'up') }), shared, options());
    expect(picks.slice(0, 2).map((pick) => pick.paperId).sort()).toEqual(['g4', 'g5']);
    expect(picks).toHaveLength(candidates.length);
  });

  it('blends one 👍 with the shared ranking: the shared first pick stays first, the liked topic moves up', () => {
    const candidates = [...speech, ...robots, ...graphs.slice(1)];
    const picks = rankForReader(candidates, profile({ votes: votes(graphs.slice(0, 1), 'up') }), sharedOrder(candidates), options());
    const places = (order: readonly string[]) => order.flatMap((id, place) => (id.startsWith('g') ? [place] : [])).reduce((sum, place) => sum + place, 0);
    expect(picks[0]!.paperId).toBe('s1');
    expect(picks[0]!.parts.modelWeight).toBeCloseTo(1 / 3);
    expect(places(picks.map((pick) => pick.paperId))).toBeLessThan(places(ids(candidates)));
  });

  it('ranks a reader with 10,000 votes, every candidate once', () => {
    const pool = [...graphs, ...speech, ...robots];
    const many = Array.from({ length: 10_000 }, (_, index) => {
      const paper = pool[index % pool.length]!;
      return { paper: { ...paper, id: `old-${index}` }, vote: paper.id.startsWith('g') ? ('up' as const) : ('down' as const), at: new Date(NOW.getTime() - (index % 365) * 86_400_000).toISOString() };
    });
    const candidates = [...graphs, ...speech, ...robots];
    const picks = rankForReader(candidates, profile({ votes: many }), sharedOrder(candidates), options());
    expect(new Set(picks.map((pick) => pick.paperId))).toEqual(new Set(ids(candidates)));
    expect(picks.slice(0, 5).map((pick) => pick.paperId).sort()).toEqual(ids(graphs));
  });

  it('learns from a library alone, as from 👍', () => {
    const candidates = [...graphs.slice(3), ...speech.slice(3), ...robots.slice(3)];
    const library = robots.slice(0, 3).map((paper) => ({ paper, addedAt: null }));
    const picks = rankForReader(candidates, profile({ library }), sharedOrder([...graphs.slice(3), ...speech.slice(3), ...robots.slice(3)]), options());
    expect(picks.slice(0, 2).map((pick) => pick.paperId).sort()).toEqual(['r4', 'r5']);
  });

  it('pushes a 👎\'d topic to the bottom even when the shared ranking puts it on top', () => {
    const candidates = [...graphs.slice(2), ...speech, ...robots.slice(3)];
    const shared = sharedOrder([...robots.slice(3), ...speech, ...graphs.slice(2)]);
    const reader = profile({ votes: [...votes(graphs.slice(0, 2), 'up'), ...votes(robots.slice(0, 3), 'down')] });
    const picks = rankForReader(candidates, reader, shared, options());
    expect(picks.slice(-2).map((pick) => pick.paperId).sort()).toEqual(['r4', 'r5']);
  });

  it('counts old votes less than new ones (the half-life)', () => {
    const candidates = [...graphs.slice(2), ...speech.slice(2)];
    const shared = sharedOrder(candidates);
    const twoYearsAgo = '2024-12-01T12:00:00Z';
    const graphsRecent = profile({ votes: [...votes(speech.slice(0, 2), 'up', twoYearsAgo), ...votes(graphs.slice(0, 2), 'up')] });
    const speechRecent = profile({ votes: [...votes(graphs.slice(0, 2), 'up', twoYearsAgo), ...votes(speech.slice(0, 2), 'up')] });
    const topThree = (reader: ReaderProfile) => rankForReader(candidates, reader, shared, options()).slice(0, 3).map((pick) => pick.paperId).sort();
    expect(topThree(graphsRecent)).toEqual(['g3', 'g4', 'g5']);
    expect(topThree(speechRecent)).toEqual(['s3', 's4', 's5']);
  });

  it('drops papers with a never keyword and puts a followed author on top, saying so', () => {
    const candidates = [...graphs.slice(3), ...speech, ...robots];
    const reader = profile({ votes: votes(graphs.slice(0, 3), 'up'), never: ['ROBOT'], follow: ['Spärck Jones'] });
    const picks = rankForReader(candidates, reader, sharedOrder(candidates), options());
    expect(picks.filter((pick) => pick.paperId.startsWith('r'))).toEqual([]);
    expect(picks[0]).toMatchObject({ paperId: 's3', reason: 'from Karen Spärck Jones', parts: { rule: { kind: 'follow', author: 'Karen Spärck Jones' } } });
    expect(picks).toHaveLength(candidates.length - robots.length);
  });

  it('follows an author for a reader who never voted, the rest in the shared order', () => {
    const candidates = [...graphs, ...speech];
    const picks = rankForReader(candidates, profile({ follow: ['hopper, grace'] }), sharedOrder(candidates), options());
    expect(picks.map((pick) => pick.paperId)).toEqual(['g2', ...ids(candidates).filter((id) => id !== 'g2')]);
  });

  it('adds the asked number of explore picks right after the reader\'s own top N, from outside their topic, never in place of one', () => {
    const candidates = [...graphs.slice(3), ...speech, ...robots];
    const reader = profile({ votes: votes(graphs.slice(0, 3), 'up') });
    const shared = sharedOrder([...speech, ...robots, ...graphs.slice(3)]);
    const own = rankForReader(candidates, reader, shared, options()).map((pick) => pick.paperId);
    for (const explore of [1, 2]) {
      const picks = rankForReader(candidates, reader, shared, options({ explore, top: 3 }));
      expect(picks.slice(0, 3).map((pick) => pick.paperId)).toEqual(own.slice(0, 3));
      expect(picks.slice(0, 3).some((pick) => pick.explore)).toBe(false);
      const explored = picks.slice(3, 3 + explore);
      for (const pick of explored) {
        expect(pick).toMatchObject({ explore: true, reason: 'outside your usual' });
        expect(pick.paperId.startsWith('g')).toBe(false);
      }
      expect(picks.filter((pick) => pick.explore)).toEqual(explored);
      expect(new Set(picks.map((pick) => pick.paperId)).size).toBe(candidates.length);
    }
  });

  it('names the liked paper nearest to a pick, and gives its parts as plain data', () => {
    const candidates = [...graphs.slice(3), ...speech, ...robots];
    const reader = profile({ votes: [...votes(graphs.slice(0, 2), 'up'), ...votes(speech.slice(0, 1), 'down')] });
    const [first] = rankForReader(candidates, reader, sharedOrder(candidates), options());
    const nearest = graphs.slice(0, 2).find((paper) => first!.reason === `like ${paper.title}`);
    expect(nearest).toBeDefined();
    expect(first!.parts.nearestLiked?.title).toBe(nearest!.title);
    expect(first!.parts.features).toBe('tf-idf');
    expect(JSON.parse(JSON.stringify(first!.parts))).toEqual(first!.parts);
  });

  it('says "matches <interest>" or "popular today" for a pick no liked paper resembles', () => {
    const candidates = [...robots.slice(0, 2), ...graphs.slice(2)];
    const shared = new Map([
      ['r1', { score: 0.9, reason: 'nearest interest: robot learning; boosted: grasping' }],
      ['r2', { score: 12, reason: '12 upvotes' }],
    ]);
    const picks = rankForReader(candidates, profile({ votes: votes(graphs.slice(0, 2), 'up') }), shared, options());
    const reasonOf = (id: string) => picks.find((pick) => pick.paperId === id)!.reason;
    expect(reasonOf('r1')).toBe('matches robot learning');
    expect(reasonOf('r2')).toBe('popular today');
    expect(reasonOf('g3')).toMatch(/^like /);
  });

  it('reads the papers\' embeddings when every paper has one', () => {
    const embed = (papers: readonly LearnPaper[], axis: number) => papers.map((paper, index) => ({ ...paper, embedding: [0, 1, 2].map((dimension) => (dimension === axis ? 1 : 0.1 * ((index % 3) + 1))) }));
    const [g, s, r] = [embed(graphs, 0), embed(speech, 1), embed(robots, 2)];
    const candidates = [...g.slice(3), ...s.slice(3), ...r.slice(3)];
    const picks = rankForReader(candidates, profile({ votes: votes(s.slice(0, 3), 'up') }), sharedOrder(candidates), options());
    expect(picks.slice(0, 2).map((pick) => pick.paperId).sort()).toEqual(['s4', 's5']);
    expect(picks[0]!.parts.features).toBe('embeddings');
  });
});
