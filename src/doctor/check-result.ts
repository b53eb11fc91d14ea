/** How one doctor check ended: `warning` still lets the command exit 0; `skipped` means it could not run. */
export type CheckStatus = 'ok' | 'warning' | 'failed' | 'skipped';

/** One line of `summarize doctor`, and one entry of its `--json` output. */
export type CheckResult = {
  /** Stable name for monitoring, e.g. `arxiv-api`. */
  id: string;
  /** What was checked, in a few words, e.g. `arXiv API`. */
  title: string;
  status: CheckStatus;
  /** What was found, in plain words. */
  message: string;
  /** What to do about it; absent when nothing needs doing. */
  fix?: string;
  /** Each configuration problem, when there are several. */
  problems?: string[];
  durationMs?: number;
  /** A definite answer that every paper would fail the same way (a refused key, a model the server lacks), not a passing outage. */
  certain?: boolean;
};
