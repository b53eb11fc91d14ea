import { ageWeight } from './age-weight.js';
import type { FeatureSpace } from './build-feature-space.js';
import type { LearnPaper } from './learn-paper.js';
import type { ReaderProfile } from './reader-profile.js';
import type { TrainingExample } from './train-logistic-regression.js';

export interface CollectTrainingExamplesOptions {
  now: Date;
  halfLifeDays: number;
  random: () => number;
  /** Papers the reader did not vote on, sampled as likely dislikes; the day's candidates top them up. */
  background: readonly LearnPaper[];
  candidates: readonly LearnPaper[];
}

/** A reader's examples: 👍 and library items liked, 👎 and sampled background papers not, each weighted by its age. */
export function collectTrainingExamples(profile: ReaderProfile, space: FeatureSpace, options: CollectTrainingExamplesOptions): { examples: TrainingExample[]; liked: LearnPaper[] } {
  const { now, halfLifeDays } = options;
  const dated = [
    ...profile.votes.map((vote) => ({ paper: vote.paper, liked: vote.vote === 'up', at: vote.at as string | null })),
    ...profile.library.map((item) => ({ paper: item.paper, liked: true, at: item.addedAt })),
  ]
    .map((signal) => ({ ...signal, weight: ageWeight(signal.at, now, halfLifeDays) }))
    // Beyond six half-lives a vote counts under 2 %; the 500 heaviest (newest) keep a reader of 10,000 votes to milliseconds.
    .filter((signal) => signal.weight >= MIN_WEIGHT)
    .sort((left, right) => right.weight - left.weight)
    .slice(0, MAX_SIGNALS);
  const examples: TrainingExample[] = dated.map((signal) => ({ vector: space.vectorOf(signal.paper), liked: signal.liked, weight: signal.weight }));
  const liked = dated.filter((signal) => signal.liked).map((signal) => signal.paper);
  const likedWeight = dated.reduce((sum, signal) => sum + (signal.liked ? signal.weight : 0), 0);
  const sampled = sampleBackground(new Set(dated.map((signal) => signal.paper.id)), Math.min(MAX_SAMPLED, Math.max(MIN_SAMPLED, 4 * liked.length)), options);
  // Sampled papers are mostly, not surely, disliked: together they count as much as the liked ones (as much as the 👎 when nothing is liked).
  const dislikedWeight = dated.reduce((sum, signal) => sum + (signal.liked ? 0 : signal.weight), 0);
  const sampledTotal = likedWeight > 0 ? likedWeight : dislikedWeight;
  for (const paper of sampled) {
    // With no 👍 at all, the background stands in as what they like better than their 👎.
    examples.push({ vector: space.vectorOf(paper), liked: likedWeight === 0, weight: sampledTotal / sampled.length });
  }
  return { examples, liked };
}

// --- internal ---

const MIN_WEIGHT = 1 / 64;
const MAX_SIGNALS = 500;
// Four sampled papers a liked one, at least 50 and at most 500: more stopped helping in `npm run bench:learn`.
const MIN_SAMPLED = 50;
const MAX_SAMPLED = 500;

function sampleBackground(exclude: ReadonlySet<string>, count: number, options: CollectTrainingExamplesOptions): LearnPaper[] {
  const pool = options.background.filter((paper) => !exclude.has(paper.id));
  // The day's candidates only when the background runs short: each sampled candidate is pushed down a little.
  if (pool.length < count) pool.push(...options.candidates.filter((paper) => !exclude.has(paper.id)));
  const sampled: LearnPaper[] = [];
  const seen = new Set<string>();
  // Partial Fisher–Yates: `count` draws without replacement from the seeded source.
  for (let index = 0; index < pool.length && sampled.length < count; index++) {
    const other = index + Math.floor(options.random() * (pool.length - index));
    [pool[index], pool[other]] = [pool[other]!, pool[index]!];
    const paper = pool[index]!;
    if (seen.has(paper.id)) continue;
    seen.add(paper.id);
    sampled.push(paper);
  }
  return sampled;
}
