/** How many "outside your usual" picks a copy of `top` own picks gets, in addition to them: one from five, two from ten. */
export function countExplorePicks(top: number): number {
  return Math.min(MAX_EXPLORE, Math.floor(top / OWN_PICKS_PER_EXPLORE));
}

// --- internal ---

// One or two, as the issue asks: enough to keep learning, few enough that the copy stays the reader's.
const MAX_EXPLORE = 2;
const OWN_PICKS_PER_EXPLORE = 5;
