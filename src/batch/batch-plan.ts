import type { BatchDeadline } from './find-latest-start.js';

/** The clock a batch is polled by; tests pass one that moves when they say. */
export interface BatchClock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(milliseconds: number, signal?: AbortSignal): Promise<void>;
}

/** How a round of calls goes through the Batch API: with the deadline it must give way to (`SUMMARIZE_BATCH=auto`), on this clock. */
export interface BatchPlan {
  deadline?: BatchDeadline | undefined;
  clock?: BatchClock | undefined;
  /** Sending at once, after collecting the batches an earlier attempt submitted (paid for already). */
  onlyRecorded?: boolean | undefined;
}
