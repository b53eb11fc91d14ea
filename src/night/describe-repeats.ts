import type { PaperMetadata } from '../brief/brief-schema.js';
import type { EditionRepeat } from '../edition/edition.js';
import type { PaperRun } from '../run/run-report.js';

/** The day's papers shown in full before: as the edition lists them (rank order), and as the run report records them. */
export function describeRepeats(
  repeats: readonly PaperMetadata[],
  shownBefore: ReadonlyMap<string, EditionRepeat>,
): { listed: EditionRepeat[]; runs: Map<PaperMetadata, PaperRun> } {
  const listed: EditionRepeat[] = [];
  const runs = new Map<PaperMetadata, PaperRun>();
  for (const paper of repeats) {
    const earlier = shownBefore.get(paper.id);
    if (!earlier) continue;
    listed.push(earlier);
    const reason = `shown in full in the edition of ${earlier.firstShown}; listed under "Also on today's list"`;
    runs.set(paper, { id: paper.id, version: paper.version, title: paper.title, outcome: 'not-selected', reason, durations: { totalMs: 0 } });
  }
  return { listed, runs };
}
