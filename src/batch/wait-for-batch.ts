import type OpenAI from 'openai';
import type { Batch } from 'openai/resources/batches';
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
}

/** Polls a batch with backoff until it is completed, failed, expired or cancelled. */
export async function waitForBatch(client: OpenAI, batchId: string, options: WaitForBatchOptions): Promise<Batch> {
  let lastLine = '';
  for (let poll = 0; ; poll += 1) {
    if (poll > 0) await options.sleep(POLL_DELAYS_MS[Math.min(poll - 1, POLL_DELAYS_MS.length - 1)]!, options.signal);
    options.signal?.throwIfAborted();
    const batch = await callBatchApi(client, `GET /v1/batches/${batchId}`, () => client.batches.retrieve(batchId, options.signal ? { signal: options.signal } : undefined));
    const line = describeBatch(batch);
    if (line !== lastLine) options.onProgress?.(line);
    lastLine = line;
    if (FINISHED.has(batch.status)) return batch;
  }
}

/** `batch batch_abc: in_progress, 12 of 40 answered, 1 failed`, for the progress log. */
export function describeBatch(batch: Batch): string {
  const counts = batch.request_counts;
  return `batch ${batch.id}: ${batch.status}${counts ? `, ${counts.completed} of ${counts.total} answered, ${counts.failed} failed` : ''}`;
}
