import type { Brief, PaperMetadata } from '../brief/brief-schema.js';
import { readStoredBrief } from '../output/brief-store.js';

/**
 * The run's briefs, plus the one already on disk for each paper the run did not brief (interrupted, failed or
 * stopped under `--force`): a rerun never publishes an edition smaller than the briefs it has.
 */
export async function addStoredBriefs(outputDir: string, papers: readonly PaperMetadata[], briefs: ReadonlyMap<PaperMetadata, Brief>): Promise<Map<PaperMetadata, Brief>> {
  const all = new Map(briefs);
  for (const paper of papers) {
    if (all.has(paper)) continue;
    const stored = await readStoredBrief(outputDir, paper.id, paper.version);
    if (stored) all.set(paper, stored);
  }
  return all;
}
