import type { Brief, PaperMetadata } from '../brief/brief-schema.js';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';

export interface RunPlan {
  /** Papers with a reusable brief: no PDF request, no LLM call. */
  skip: Array<{ paper: PaperMetadata; brief: Brief }>;
  summarize: PaperMetadata[];
}

/**
 * Pure: which papers need work. A stored brief is reused when it is of the same version, model and
 * prompts; a new arXiv version, another model or edited prompts summarize again.
 */
export function planRun(
  papers: readonly PaperMetadata[],
  storedBriefs: ReadonlyMap<string, Brief>,
  wanted: { model: string; promptVersion: string; force: boolean },
): RunPlan {
  const plan: RunPlan = { skip: [], summarize: [] };
  for (const paper of papers) {
    const stored = storedBriefs.get(formatArxivId(paper));
    const reusable =
      !wanted.force &&
      stored !== undefined &&
      stored.generation.model === wanted.model &&
      stored.generation.promptVersion === wanted.promptVersion;
    if (reusable) plan.skip.push({ paper, brief: stored });
    else plan.summarize.push(paper);
  }
  return plan;
}
