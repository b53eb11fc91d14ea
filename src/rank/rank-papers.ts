import type { PaperMetadata } from '../brief/brief-schema.js';
import { findMentions } from '../text/find-mentions.js';
import type { Interests } from './parse-interests.js';
import type { Relevance } from './relevance.js';

/** How the day's candidates are ordered. */
export const RANK_METHODS = ['interests', 'upvotes', 'source'] as const;
export type RankMethod = (typeof RANK_METHODS)[number];

/** A candidate after ranking: its place (null when an excluded term dropped it), score and why. */
export type RankedPaper = {
  paper: PaperMetadata;
  /** 1 for the best; null for a paper dropped by a `-term`. */
  rank: number | null;
  score: number;
  reason: string;
  /** Kept by --top (and not excluded): only these are downloaded and summarized, or listed when shown before. */
  selected: boolean;
  /** Shown in full in an earlier edition: never summarized again, and no place in --top. */
  shownBefore?: true;
};

export type RankPapersInput = {
  method: RankMethod;
  /** `+term` boosts and `-term` drops apply with any method. */
  interests?: Pick<Interests, 'boosts' | 'excludes'>;
  /** Per candidate, in candidate order: the similarity to the profile (method `interests`). */
  relevance?: readonly Relevance[];
  /** Keep this many after ranking and exclusion; default all. */
  top?: number;
  /** arXiv IDs of papers shown in full in an earlier edition: selected (to be listed) while the top is not full, never counted in it. */
  shownBefore?: ReadonlySet<string>;
};

// A boost term outweighs a small difference in similarity but not a wholly different topic.
const BOOST_PER_TERM = 0.1;

/** Pure: candidates in, ranked list out (best first, then the excluded); ties keep source order. */
export function rankPapers(candidates: readonly PaperMetadata[], input: RankPapersInput): RankedPaper[] {
  const { method, interests = { boosts: [], excludes: [] }, relevance = [], top, shownBefore = new Set<string>() } = input;
  const scored = candidates.map((paper, position) => {
    const text = `${paper.title}\n${paper.abstract}`;
    const excludedBy = findMentions(text, interests.excludes);
    const boostedBy = findMentions(text, interests.boosts);
    const base = baseScore(method, paper, relevance[position]);
    const reasons = [base.reason, boostedBy.length > 0 ? `boosted: ${boostedBy.join(', ')}` : ''].filter((reason) => reason !== '');
    return {
      paper,
      position,
      excludedBy,
      score: round(base.score + BOOST_PER_TERM * boostedBy.length),
      reason: reasons.join('; ') || 'no match',
    };
  });
  const kept = scored.filter((candidate) => candidate.excludedBy.length === 0);
  // Array.prototype.sort is stable: equal scores stay in the source's order.
  if (method !== 'source' || interests.boosts.length > 0) kept.sort((left, right) => right.score - left.score);
  const limit = top ?? kept.length;
  let newSelected = 0;
  const ranked: RankedPaper[] = kept.map((candidate, index) => {
    const repeat = shownBefore.has(candidate.paper.id);
    const selected = newSelected < limit;
    if (selected && !repeat) newSelected += 1;
    return { paper: candidate.paper, rank: index + 1, score: candidate.score, reason: candidate.reason, selected, ...(repeat ? { shownBefore: true as const } : {}) };
  });
  for (const candidate of scored) {
    if (candidate.excludedBy.length === 0) continue;
    ranked.push({ paper: candidate.paper, rank: null, score: candidate.score, reason: `excluded: mentions ${candidate.excludedBy.join(', ')}`, selected: false });
  }
  return ranked;
}

// --- internal ---

function baseScore(method: RankMethod, paper: PaperMetadata, relevance: Relevance | undefined): Relevance {
  if (method === 'upvotes') {
    const upvotes = paper.upvotes ?? 0;
    return { score: upvotes, reason: `${upvotes} upvote${upvotes === 1 ? '' : 's'}` };
  }
  if (method === 'interests') return relevance ?? { score: 0, reason: '' };
  return { score: 0, reason: 'source order' };
}

// Four decimals: enough to order, short in the report and the table.
function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}
