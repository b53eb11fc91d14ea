import type { Brief, PaperMetadata } from '../brief/brief-schema.js';
import type { EditionPaper } from '../edition/edition.js';
import type { RankedPaper } from '../rank/rank-papers.js';

/** The day's edition in rank order, each paper with why it was picked; papers without a brief are left out. */
export function buildEditionPapers(
  papers: readonly PaperMetadata[],
  briefs: ReadonlyMap<PaperMetadata, Brief>,
  ranked: readonly RankedPaper[] | undefined,
): EditionPaper[] {
  const reasons = new Map(ranked?.map((candidate) => [candidate.paper, candidate.reason]));
  return papers.flatMap((paper) => {
    const brief = briefs.get(paper);
    if (!brief) return [];
    const reason = reasons.get(paper);
    return [reason === undefined ? { brief } : { brief, reason }];
  });
}
