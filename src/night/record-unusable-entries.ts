import type { CollectedPapers } from './collect-papers.js';
import type { ProgressReporter } from '../run/progress-reporter.js';
import type { PaperRun } from '../run/run-report.js';

// Entries told one by one before the rest are summed up in one line: a broken IDs file must not flood the cron mail.
const ENTRIES_SHOWN = 5;

// Sources whose IDs come from a service, not from a person who may have mistyped them.
const LISTERS: Partial<Record<CollectedPapers['source']['kind'], string>> = {
  'arxiv-announced': "arXiv's announcement feed",
  arxiv: "arXiv's own listing",
  hf: 'Hugging Face',
};

/**
 * Source entries that are no paper (unknown to arXiv, not an arXiv ID) as failed papers: the editor expected
 * them, so they fail the run, never just vanish. The report lists all of them.
 */
export function recordUnusableEntries(collected: Pick<CollectedPapers, 'notFound' | 'problems' | 'source'>, reporter: ProgressReporter): PaperRun[] {
  const lister = LISTERS[collected.source.kind];
  const runs: PaperRun[] = [
    ...collected.notFound.map((id): PaperRun => ({
      id,
      outcome: 'failed',
      stage: 'metadata',
      // An ID arXiv's own feed (or Hugging Face) listed is no typo: the API has not indexed it yet.
      reason: lister ? `not found by arXiv's API although ${lister} lists it; it may not be indexed yet, and the next run asks again` : `not found on arXiv (check the ID at https://arxiv.org/abs/${id})`,
      durations: { totalMs: 0 },
    })),
    ...collected.problems.map(({ entry, message }): PaperRun => ({ id: entry || '(empty)', outcome: 'failed', stage: 'metadata', reason: message, durations: { totalMs: 0 } })),
  ];
  for (const run of runs.slice(0, ENTRIES_SHOWN)) reporter.paperEvent({ id: run.id, kind: 'failed', detail: run.reason?.startsWith('not found') ? (lister ? `not found by arXiv's API (listed by ${lister})` : 'not found on arXiv') : run.reason });
  if (runs.length > ENTRIES_SHOWN) reporter.error(`… and ${runs.length - ENTRIES_SHOWN} more entries that are not arXiv papers (all listed in the run report)`);
  return runs;
}
