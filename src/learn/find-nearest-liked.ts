import type { FeatureSpace } from './build-feature-space.js';
import type { LearnPaper } from './learn-paper.js';
import { shortenTitle } from './shorten-title.js';
import type { SparseVector } from './sparse-vector.js';

/** The liked paper most like a given one (its title shortened to a line), and the cosine of their features. */
export type NearestLiked = { title: string; similarity: number };

/** Finds, for any paper's features, the liked paper most like it; returned by `createNearestLikedFinder`. */
export type NearestLikedFinder = (vector: SparseVector) => NearestLiked | null;

/**
 * Compares against the `MAX_COMPARED` liked papers given first (the caller gives the newest first): a reason
 * names recent taste. An index from each feature to the liked papers holding it makes a comparison cost only
 * the features the two share.
 */
export function createNearestLikedFinder(liked: readonly LearnPaper[], space: FeatureSpace): NearestLikedFinder {
  const compared = liked.slice(0, MAX_COMPARED);
  const titles = compared.map((paper) => shortenTitle(paper.title));
  // Feature → its slot (1-based; 0 for none) in the postings: a typed array beats a Map at 100 lookups a candidate.
  const slotOf = new Int32Array(space.dimension);
  const postings: { liked: number[]; values: number[] }[] = [];
  compared.forEach((paper, likedIndex) => {
    const { indices, values } = space.vectorOf(paper);
    for (let entry = 0; entry < indices.length; entry++) {
      const feature = indices[entry]!;
      if (slotOf[feature] === 0) slotOf[feature] = postings.push({ liked: [], values: [] });
      const posting = postings[slotOf[feature]! - 1]!;
      posting.liked.push(likedIndex);
      posting.values.push(values[entry]!);
    }
  });
  const similarities = new Float64Array(compared.length);
  return ({ indices, values }) => {
    if (compared.length === 0) return null;
    similarities.fill(0);
    for (let entry = 0; entry < indices.length; entry++) {
      const slot = slotOf[indices[entry]!]!;
      if (slot === 0) continue;
      const posting = postings[slot - 1]!;
      for (let hit = 0; hit < posting.liked.length; hit++) similarities[posting.liked[hit]!]! += values[entry]! * posting.values[hit]!;
    }
    let best = 0;
    for (let likedIndex = 1; likedIndex < similarities.length; likedIndex++) if (similarities[likedIndex]! > similarities[best]!) best = likedIndex;
    return { title: titles[best]!, similarity: similarities[best]! };
  };
}

// --- internal ---

const MAX_COMPARED = 20;
