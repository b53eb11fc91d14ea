import type { PaperMetadata } from '../brief/brief-schema.js';

/**
 * Pure: the papers the night briefs, each once: the shared picks first in their order, then every reader's picks not
 * among them, taken in turns (each reader's first, then each one's second, …), so when --max-cost must stop, the cut
 * falls on the readers' lowest picks, never on the shared ones. Picks that are not candidates are ignored.
 */
export function planBriefUnion(shared: readonly PaperMetadata[], readerPicks: Iterable<readonly { paperId: string }[]>, candidates: readonly PaperMetadata[]): PaperMetadata[] {
  const byId = new Map(candidates.map((paper) => [paper.id, paper]));
  const union = new Map(shared.map((paper) => [paper.id, paper]));
  const lists = [...readerPicks];
  const longest = Math.max(0, ...lists.map((picks) => picks.length));
  for (let rank = 0; rank < longest; rank++) {
    for (const picks of lists) {
      const paper = byId.get(picks[rank]?.paperId ?? '');
      if (paper && !union.has(paper.id)) union.set(paper.id, paper);
    }
  }
  return [...union.values()];
}
