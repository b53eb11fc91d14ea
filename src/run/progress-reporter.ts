import type { RunTotals } from './run-report.js';

// What the pipeline tells whoever watches a run; the CLI draws it as a bar or one line per paper.

export type PaperEventKind =
  | 'queued'
  | 'downloading'
  | 'extracting'
  | 'generating'
  | 'summarized'
  | 'skipped'
  | 'failed';

export interface PaperEvent {
  id: string;
  title?: string;
  kind: PaperEventKind;
  /** Why it was skipped or failed, or what the current step is doing. */
  detail?: string;
  /** Spend on this paper, with its outcome; `null` when the model has no known price. */
  costUsd?: number | null;
  /** How long the paper took; default: since its first event. */
  durationMs?: number;
}

export type ProgressTotals = Pick<RunTotals, 'summarized' | 'skipped' | 'failed' | 'notStarted' | 'costUsd' | 'costUnknown'> & Partial<Pick<RunTotals, 'inputTokens' | 'cachedInputTokens' | 'batchedInputTokens'>>;

export interface ProgressReporter {
  start(total: number): void;
  paperEvent(event: PaperEvent): void;
  log(line: string): void;
  warn(line: string): void;
  error(line: string): void;
  finish(totals: ProgressTotals): void;
}
