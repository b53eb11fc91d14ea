import type { FeatureSpace } from './build-feature-space.js';
import type { LearnPaper } from './learn-paper.js';
import type { SparseVector } from './sparse-vector.js';

/** Finds, for any paper, the liked paper most like it; returned by `createNearestLikedFinder`. */
export type NearestLikedFinder = (paper: LearnPaper) => { paper: LearnPaper; similarity: number } | null;

/** Compares against the `MAX_COMPARED` liked papers given first (the caller gives the newest first): a reason names recent taste. */
export function createNearestLikedFinder(liked: readonly LearnPaper[], space: FeatureSpace): NearestLikedFinder {
  const compared = liked.slice(0, MAX_COMPARED).map((paper) => ({ paper, dense: toDense(space.vectorOf(paper), space.dimension) }));
  return (paper) => {
    const { indices, values } = space.vectorOf(paper);
    let best: { paper: LearnPaper; similarity: number } | null = null;
    for (const candidate of compared) {
      let similarity = 0;
      for (let entry = 0; entry < indices.length; entry++) similarity += values[entry]! * candidate.dense[indices[entry]!]!;
      if (best === null || similarity > best.similarity) best = { paper: candidate.paper, similarity };
    }
    return best;
  };
}

// --- internal ---

const MAX_COMPARED = 20;

// Unit vectors: the dot product is the cosine; a dense copy makes each comparison cost the other paper's entries only.
function toDense(vector: SparseVector, dimension: number): Float64Array {
  const dense = new Float64Array(dimension);
  for (let entry = 0; entry < vector.indices.length; entry++) dense[vector.indices[entry]!] = vector.values[entry]!;
  return dense;
}
