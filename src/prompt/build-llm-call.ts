import type OpenAI from 'openai';
import type { Config } from '../config/config-schema.js';
import type { CompletionBatch } from '../llm/completion-batch.js';
import type { EndpointBreaker } from '../llm/endpoint-breaker.js';
import type { UsageMeter } from '../llm/usage-meter.js';

/** The options every structured call of a paper shares: the client, model, retries on the paper's meter and breaker, and the budget's say on repairs. */
export function buildLlmCall(config: Config, llm: OpenAI, options: { meter: UsageMeter; breaker?: EndpointBreaker | undefined; signal?: AbortSignal | undefined; admitRepair: () => boolean; batch?: CompletionBatch | undefined }) {
  const { meter, breaker, signal, admitRepair, batch } = options;
  const retry = { maxRetryAfterMs: config.maxRetryAfterMs, signal, meter, ...(breaker ? { breaker } : {}) };
  return { client: llm, model: config.model, maxAttempts: config.maxAttempts, signal, retry, admitRepair, batch };
}
