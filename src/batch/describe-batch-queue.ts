import type OpenAI from 'openai';
import type { Config } from '../config/config-schema.js';
import type { BatchPlan } from './batch-plan.js';
import type { BatchQueueOptions } from './create-batch-queue.js';

/** A run's batch queue as the configuration and the run's plan set it: follow-ups, the direct calls' concurrency, the deadline and clock. */
export function describeBatchQueue(client: OpenAI, config: Config, log: (line: string) => void, signal: AbortSignal, plan: BatchPlan): BatchQueueOptions {
  return {
    client,
    cacheDir: config.cacheDir,
    log,
    signal,
    followUps: config.batchFollowUps,
    concurrency: config.llmConcurrency,
    ...(plan.deadline ? { deadline: plan.deadline } : {}),
    ...(plan.onlyRecorded ? { onlyRecorded: true } : {}),
    ...(plan.clock ? { now: () => plan.clock!.now(), sleep: (milliseconds: number, sleepSignal?: AbortSignal) => plan.clock!.sleep(milliseconds, sleepSignal) } : {}),
  };
}
