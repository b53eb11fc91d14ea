import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Brief, PaperMetadata } from '../brief/brief-schema.js';
import { readStoredBrief } from '../output/brief-store.js';
import type { ProseStyleName } from '../brief/style-names.js';
import type { StyleResult } from '../brief/style-result-schema.js';
import { readStoredStyle } from '../styles/style-store.js';
import { planRun, type RunPlan } from './plan-run.js';

/** Reads the stored briefs (and texts of the other styles asked for) of these papers, then plans (purely) which need work. */
export async function planPapers(
  papers: readonly PaperMetadata[],
  outputDir: string,
  wanted: { model: string; promptVersion: string; force: boolean; styles?: Partial<Record<ProseStyleName, { version: string }>>; language?: string },
): Promise<RunPlan> {
  const stored = new Map<string, Brief>();
  const storedStyles = new Map<string, StyleResult[]>();
  for (const paper of papers) {
    const stem = toFileStem(paper.id, paper.version);
    const brief = await readStoredBrief(outputDir, paper.id, paper.version, wanted.language);
    if (brief) stored.set(stem, brief);
    for (const style of Object.keys(wanted.styles ?? {}) as ProseStyleName[]) {
      const result = await readStoredStyle(outputDir, paper, style, wanted.language ?? 'en');
      if (result) storedStyles.set(stem, [...(storedStyles.get(stem) ?? []), result]);
    }
  }
  return planRun(papers, stored, wanted, storedStyles);
}
