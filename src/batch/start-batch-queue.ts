import type OpenAI from 'openai';
import type { Config } from '../config/config-schema.js';
import type { BatchPlan } from './batch-plan.js';
import { type BatchQueue, createBatchQueue } from './create-batch-queue.js';

/**
 * A run's batch queue as the configuration and the run's plan set it: follow-ups, the direct calls' concurrency, the deadline and clock.
 * Callers import this file lazily: only --batch runs load the Batch API code.
 */
export function startBatchQueue(client: OpenAI, config: Config, log: (line: string) => void, signal: AbortSignal, plan: BatchPlan): BatchQueue {
  return createBatchQueue({
    client,
    cacheDir: config.cacheDir,
    log,
    signal,
    followUps: config.batchFollowUps,
    concurrency: config.llmConcurrency,
    ...(plan.deadline ? { deadline: plan.deadline } : {}),
    ...(plan.onlyRecorded ? { onlyRecorded: true } : {}),
    ...(plan.clock ? { now: () => plan.clock!.now(), sleep: (milliseconds: number, sleepSignal?: AbortSignal) => plan.clock!.sleep(milliseconds, sleepSignal) } : {}),
  });
}
