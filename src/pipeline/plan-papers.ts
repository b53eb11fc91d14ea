import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Brief, PaperMetadata } from '../brief/brief-schema.js';
import { readStoredBrief } from '../output/brief-store.js';
import { planRun, type RunPlan } from './plan-run.js';

/** Reads the stored briefs of these papers, then plans (purely) which need work. */
export async function planPapers(
  papers: readonly PaperMetadata[],
  outputDir: string,
  wanted: { model: string; promptVersion: string; force: boolean },
): Promise<RunPlan> {
  const stored = new Map<string, Brief>();
  for (const paper of papers) {
    const brief = await readStoredBrief(outputDir, paper.id, paper.version);
    if (brief) stored.set(toFileStem(paper.id, paper.version), brief);
  }
  return planRun(papers, stored, wanted);
}
