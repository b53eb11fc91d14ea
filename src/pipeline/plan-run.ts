import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Brief, PaperMetadata } from '../brief/brief-schema.js';
import { isWithdrawn } from '../arxiv/is-withdrawn.js';
import { isBriefReusable } from '../output/brief-store.js';

export interface RunPlan {
  /** Papers with a reusable brief: no PDF request, no LLM call. */
  skip: Array<{ paper: PaperMetadata; brief: Brief }>;
  summarize: PaperMetadata[];
  /** Versions withdrawn by their authors: recorded as such, never briefed as papers. */
  withdrawn: PaperMetadata[];
}

/**
 * Pure: which papers need work. A stored brief is reused when it is of the same version, model and
 * prompts; a new arXiv version, another model or edited prompts summarize again.
 */
export function planRun(
  papers: readonly PaperMetadata[],
  /** Keyed by file stem (`2509.08721v2`, `hep-th_9108004v1`). */
  storedBriefs: ReadonlyMap<string, Brief>,
  wanted: { model: string; promptVersion: string; force: boolean },
): RunPlan {
  const plan: RunPlan = { skip: [], summarize: [], withdrawn: [] };
  for (const paper of papers) {
    if (isWithdrawn(paper)) {
      plan.withdrawn.push(paper);
      continue;
    }
    const stored = storedBriefs.get(toFileStem(paper.id, paper.version));
    if (!wanted.force && stored !== undefined && isBriefReusable(stored, wanted)) plan.skip.push({ paper, brief: stored });
    else plan.summarize.push(paper);
  }
  return plan;
}
