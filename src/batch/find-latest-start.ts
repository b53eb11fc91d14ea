import { ASSUMED_CALL_MS } from './create-at-once-lane.js';

/** When the run's model calls must be done, and how fast it can send them at once. */
export interface BatchDeadline {
  /** Milliseconds since the epoch. */
  at: number;
  /** As the user wrote it (`06:30`, `4h`), for messages. */
  label: string;
  /** Calls sent at once side by side (SUMMARIZE_LLM_CONCURRENCY). */
  concurrency: number;
  /** Why the batch is given up when that is not the deadline itself (`SUMMARIZE_BATCH is off`). */
  giveUpReason?: string;
}

// A call's answer may need a repair or a grounding round, sent at once too: each line counts as two calls.
const CALLS_PER_LINE = 2;
// Kept free before the deadline for publishing and mailing, and for calls slower than measured.
export const DEADLINE_MARGIN_MS = 15 * 60_000;

/** How long `lines` calls take sent at once, their follow-ups and the margin included. */
export function estimateAtOnceMs(lines: number, concurrency: number, callMs = ASSUMED_CALL_MS): number {
  return Math.ceil((lines * CALLS_PER_LINE) / Math.max(1, concurrency)) * callMs + DEADLINE_MARGIN_MS;
}

/** The last moment at which `lines` calls not yet answered can still be sent at once and be done before the deadline. */
export function findLatestStart(deadline: BatchDeadline, lines: number, callMs: number): number {
  return deadline.at - estimateAtOnceMs(lines, deadline.concurrency, callMs);
}
