import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Brief, PaperMetadata } from '../brief/brief-schema.js';
import { isWithdrawn } from '../arxiv/is-withdrawn.js';
import { isBriefReusable } from '../output/brief-store.js';
import type { ProseStyleName } from '../brief/style-names.js';
import type { StyleResult } from '../brief/style-result-schema.js';

export interface RunPlan {
  /** Papers with a reusable brief and every style asked for: no PDF request, no LLM call. */
  skip: Array<{ paper: PaperMetadata; brief: Brief }>;
  summarize: PaperMetadata[];
  /** Versions withdrawn by their authors: recorded as such, never briefed as papers. */
  withdrawn: PaperMetadata[];
  /** Papers to summarize whose brief is reusable: only their missing styles are paid for. */
  reusedBriefs: Map<PaperMetadata, Brief>;
  /** The prose styles each paper to summarize still needs (none when absent). */
  missingStyles: Map<PaperMetadata, ProseStyleName[]>;
}

/** A stored text of another style, by paper file stem; see src/styles/style-store.ts. */
type StoredStyles = ReadonlyMap<string, readonly StyleResult[]>;

/**
 * Pure: which papers need work. A stored brief (or text of another style) is reused when it is of the
 * same version, model and prompts; a new arXiv version, another model or edited prompts write it again.
 */
export function planRun(
  papers: readonly PaperMetadata[],
  /** Keyed by file stem (`2509.08721v2`, `hep-th_9108004v1`). */
  storedBriefs: ReadonlyMap<string, Brief>,
  wanted: { model: string; promptVersion: string; force: boolean; styles?: Partial<Record<ProseStyleName, { version: string }>> },
  storedStyles: StoredStyles = new Map(),
): RunPlan {
  const plan: RunPlan = { skip: [], summarize: [], withdrawn: [], reusedBriefs: new Map(), missingStyles: new Map() };
  for (const paper of papers) {
    if (isWithdrawn(paper)) {
      plan.withdrawn.push(paper);
      continue;
    }
    const stem = toFileStem(paper.id, paper.version);
    const stored = storedBriefs.get(stem);
    const briefReusable = !wanted.force && stored !== undefined && isBriefReusable(stored, wanted);
    const missing = (Object.entries(wanted.styles ?? {}) as Array<[ProseStyleName, { version: string }]>)
      .filter(([style, { version: promptVersion }]) => wanted.force || !storedStyles.get(stem)?.some((result) => result.style === style && isBriefReusable(result, { model: wanted.model, promptVersion })))
      .map(([style]) => style);
    if (briefReusable && missing.length === 0) {
      plan.skip.push({ paper, brief: stored });
      continue;
    }
    plan.summarize.push(paper);
    if (briefReusable) plan.reusedBriefs.set(paper, stored);
    if (missing.length > 0) plan.missingStyles.set(paper, missing);
  }
  return plan;
}
