import type { CollectedPapers } from './collect-papers.js';
import type { ProgressReporter } from './progress-reporter.js';
import type { PaperRun } from './run-report.js';

// Entries told one by one before the rest are summed up in one line: a broken IDs file must not flood the cron mail.
const ENTRIES_SHOWN = 5;

/**
 * Source entries that are no paper (unknown to arXiv, not an arXiv ID) as failed papers: the editor expected
 * them, so they fail the run, never just vanish. The report lists all of them.
 */
export function recordUnusableEntries(collected: Pick<CollectedPapers, 'notFound' | 'problems'>, reporter: ProgressReporter): PaperRun[] {
  const runs: PaperRun[] = [
    ...collected.notFound.map((id): PaperRun => ({
      id,
      outcome: 'failed',
      stage: 'metadata',
      reason: `not found on arXiv (check the ID at https://arxiv.org/abs/${id})`,
      durations: { totalMs: 0 },
    })),
    ...collected.problems.map(({ entry, message }): PaperRun => ({ id: entry || '(empty)', outcome: 'failed', stage: 'metadata', reason: message, durations: { totalMs: 0 } })),
  ];
  for (const run of runs.slice(0, ENTRIES_SHOWN)) reporter.paperEvent({ id: run.id, kind: 'failed', detail: run.reason?.startsWith('not found') ? 'not found on arXiv' : run.reason });
  if (runs.length > ENTRIES_SHOWN) reporter.error(`… and ${runs.length - ENTRIES_SHOWN} more entries that are not arXiv papers (all listed in the run report)`);
  return runs;
}
