import type OpenAI from 'openai';
import type { Batch } from 'openai/resources/batches';
import { requestFollowing } from '../http/request-following.js';
import { callBatchApi } from './call-batch-api.js';

const FINISHED = new Set<Batch['status']>(['completed', 'failed', 'expired', 'cancelled']);

// A batch takes minutes to hours: asked at once (a resumed one may be done), then less and less often, at most every 5 minutes.
export const POLL_DELAYS_MS = [5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000];

export interface WaitForBatchOptions {
  /** Waits between polls; tests pass one that returns when they say. */
  sleep: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal | undefined;
  /** Told the batch's state and counts whenever they change. */
  onProgress?: (line: string) => void;
  /** Milliseconds since the epoch; default: the real clock. */
  now?: () => number;
  /** The moment to stop waiting for this batch in its state, returning it unfinished; default: never. */
  giveUpAt?: (batch: Batch) => number;
}

/** Polls a batch with backoff until it is completed, failed, expired or cancelled, or until `giveUpAt`. */
export async function waitForBatch(client: OpenAI, batchId: string, options: WaitForBatchOptions): Promise<Batch> {
  const { now = Date.now, giveUpAt } = options;
  let lastLine = '';
  for (let poll = 0; ; poll += 1) {
    options.signal?.throwIfAborted();
    // Each poll's own signal: the client never takes its listener off the one it is given, and a night polls hundreds of times.
    const batch = await callBatchApi(client, `GET /v1/batches/${batchId}`, () =>
      requestFollowing(options.signal, (signal) => client.batches.retrieve(batchId, signal ? { signal } : undefined)),
      options.signal,
    );
    const line = describeBatch(batch);
    if (line !== lastLine) options.onProgress?.(line);
    lastLine = line;
    if (isBatchFinished(batch)) return batch;
    const backoff = POLL_DELAYS_MS[Math.min(poll, POLL_DELAYS_MS.length - 1)]!;
    if (!giveUpAt) {
      await options.sleep(backoff, options.signal);
      continue;
    }
    // Never slept past the moment to give up: the next poll is then at the latest.
    const left = giveUpAt(batch) - now();
    if (left <= 0) return batch;
    await options.sleep(Math.min(backoff, left), options.signal);
  }
}

/** Completed, failed, expired or cancelled: no line will be answered any more. */
export function isBatchFinished(batch: Batch): boolean {
  return FINISHED.has(batch.status);
}

/** `batch batch_abc: in_progress, 12 of 40 answered, 1 failed`, for the progress log. */
export function describeBatch(batch: Batch): string {
  const counts = batch.request_counts;
  return `batch ${batch.id}: ${batch.status}${counts ? `, ${counts.completed} of ${counts.total} answered, ${counts.failed} failed` : ''}`;
}
