/** A candidate as explore reads it: where the shared ranking and the reader's model place it. */
export interface ExploreCandidate {
  position: number;
  sharedPercentile: number;
  modelPercentile: number;
}

/**
 * Up to `count` candidates outside the reader's usual: in the lower half of their model's order, drawn at
 * random from the few the shared ranking likes most, so the model hears about topics it would never show.
 */
export function chooseExplorePicks(candidates: readonly ExploreCandidate[], count: number, random: () => number): number[] {
  const pool = candidates
    .filter((candidate) => candidate.modelPercentile < 0.5)
    .sort((left, right) => right.sharedPercentile - left.sharedPercentile || left.position - right.position)
    .slice(0, Math.max(count, DRAW_FROM));
  const chosen: number[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!.position);
  return chosen;
}

// --- internal ---

const DRAW_FROM = 5;
