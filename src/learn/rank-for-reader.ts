import { buildFeatureSpace } from './build-feature-space.js';
import { chooseExplorePicks } from './choose-explore-picks.js';
import { collectTrainingExamples } from './collect-training-examples.js';
import { describePick } from './describe-pick.js';
import { createNearestLikedFinder, type NearestLiked } from './find-nearest-liked.js';
import type { LearnPaper } from './learn-paper.js';
import { matchReaderRules } from './match-reader-rules.js';
import type { ReaderProfile } from './reader-profile.js';
import type { ScoreParts } from './score-parts.js';
import { toPercentiles } from './to-percentiles.js';
import { predictLiking, trainLogisticRegression } from './train-logistic-regression.js';

/** One paper of a reader's copy, in the copy's order. */
export interface ReaderPick {
  paperId: string;
  /** The blend of the shared ranking and the reader's model, 0 to 1; the list's order is the copy's (rules and explore picks place papers out of it). */
  score: number;
  /** One short line: "like <paper>", "matches <interest>", "from <author>", "popular today" or "outside your usual". */
  reason: string;
  /** Picked outside the reader's usual so their model keeps learning. */
  explore: boolean;
  parts: ScoreParts;
}

export interface RankForReaderOptions {
  now: Date;
  /** A vote or library item this many days old counts half (SUMMARIZE_LEARN_HALF_LIFE_DAYS, default 90). */
  halfLifeDays: number;
  /** How many "outside your usual" picks to add (0, 1 or 2; `countExplorePicks`). */
  explore: number;
  /** The reader's own picks their copy shows (SUMMARIZE_READER_TOP): the explore picks come right after these, never among them. Default: every candidate. */
  top?: number;
  /** Samples negatives, shuffles training and draws explore picks; seeded in tests. */
  random: () => number;
  /** Earlier papers the reader may not have seen, sampled as negatives. */
  background: readonly LearnPaper[];
}

/**
 * Pure: one reader's copy of the day. Every candidate not dropped by a `never` rule, best first: papers of
 * followed authors on top, then the blend of the shared ranking and the reader's model (trained here on
 * their 👍, 👎 and library). Explore picks, drawn from below the reader's own top `top`, come right after it,
 * in addition to it. With no votes and no library the order is the shared order.
 */
export function rankForReader(
  candidates: readonly LearnPaper[],
  profile: ReaderProfile,
  shared: ReadonlyMap<string, { score: number; reason: string }>,
  options: RankForReaderOptions,
): ReaderPick[] {
  const hasRules = profile.never.length + profile.follow.length > 0;
  const verdicts = candidates.map((paper) => (hasRules ? matchReaderRules(paper, profile.never, profile.follow) : null));
  const sharedPercentiles = readSharedPercentiles(candidates, shared);
  const profilePapers = [...profile.votes.map((vote) => vote.paper), ...profile.library.map((item) => item.paper)];
  const modelWeight = Math.min(1, profilePapers.length / FULL_MODEL_SIGNALS);

  let modelScores: number[] | null = null;
  let features: ScoreParts['features'] = 'none';
  let findNearest: ((position: number) => NearestLiked | null) | null = null;
  if (modelWeight > 0) {
    const space = buildFeatureSpace(candidates, options.background, profilePapers);
    const { examples, liked } = collectTrainingExamples(profile, space, { ...options, candidates });
    const model = trainLogisticRegression(examples, space.dimension, { random: options.random });
    const vectors = candidates.map((paper) => space.vectorOf(paper));
    modelScores = vectors.map((vector) => predictLiking(model, vector));
    features = space.kind;
    const nearestTo = createNearestLikedFinder(liked, space);
    findNearest = (position) => nearestTo(vectors[position]!);
  }
  const modelPercentiles = modelScores ? toPercentiles(modelScores) : null;

  const scored = candidates.map((paper, position) => {
    const sharedEntry = shared.get(paper.id);
    const modelPercentile = modelPercentiles?.[position] ?? null;
    const score = (1 - modelWeight) * sharedPercentiles[position]! + modelWeight * (modelPercentile ?? 0);
    const verdict = verdicts[position];
    const nearest = findNearest?.(position) ?? null;
    const parts: ScoreParts = {
      sharedScore: sharedEntry?.score ?? null,
      sharedPercentile: sharedPercentiles[position]!,
      modelScore: modelScores?.[position] ?? null,
      modelPercentile,
      modelWeight,
      nearestLiked: nearest ? { title: nearest.title, similarity: round(nearest.similarity) } : null,
      features,
      rule: verdict?.kind === 'follow' ? verdict : null,
    };
    return { paper, position, score, parts, reason: describePick(parts, sharedEntry), dropped: verdict?.kind === 'never' };
  });

  const kept = scored.filter((candidate) => !candidate.dropped);
  // Followed authors first; ties go to the shared ranking, then to candidate order (a stable sort): with no model, the shared order itself.
  kept.sort(
    (left, right) =>
      Number(right.parts.rule !== null) - Number(left.parts.rule !== null) || right.score - left.score || right.parts.sharedPercentile - left.parts.sharedPercentile,
  );
  const picks: ReaderPick[] = kept.map((candidate) => ({ paperId: candidate.paper.id, score: round(candidate.score), reason: candidate.reason, explore: false, parts: candidate.parts }));
  if (modelPercentiles === null || options.explore <= 0) return picks;

  const top = Math.max(0, Math.min(options.top ?? picks.length, picks.length));
  const explorePositions = chooseExplorePicks(
    kept
      .slice(top)
      .filter((candidate) => candidate.parts.rule === null)
      .map((candidate) => ({ position: candidate.position, sharedPercentile: candidate.parts.sharedPercentile, modelPercentile: candidate.parts.modelPercentile ?? 0 })),
    options.explore,
    options.random,
  );
  const exploreIds = new Set(explorePositions.map((position) => candidates[position]!.id));
  const explored = picks.filter((pick) => exploreIds.has(pick.paperId)).map((pick) => ({ ...pick, explore: true, reason: 'outside your usual' }));
  const rest = picks.slice(top).filter((pick) => !exploreIds.has(pick.paperId));
  return [...picks.slice(0, top), ...explored, ...rest];
}

// --- internal ---

// With this many votes and library items the model has its full say; fewer blend toward the shared ranking.
const FULL_MODEL_SIGNALS = 3;

// A night ranks every reader over the same candidates and shared ranking: their places are worked out once.
const SHARED_PERCENTILES = new WeakMap<readonly LearnPaper[], WeakMap<object, number[]>>();

function readSharedPercentiles(candidates: readonly LearnPaper[], shared: ReadonlyMap<string, { score: number }>): number[] {
  let byShared = SHARED_PERCENTILES.get(candidates);
  if (!byShared) SHARED_PERCENTILES.set(candidates, (byShared = new WeakMap()));
  let percentiles = byShared.get(shared);
  if (!percentiles) byShared.set(shared, (percentiles = toPercentiles(candidates.map((paper) => shared.get(paper.id)?.score ?? Number.NEGATIVE_INFINITY))));
  return percentiles;
}

// Four decimals: enough to order, short in `readers explain`.
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
