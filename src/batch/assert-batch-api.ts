import type OpenAI from 'openai';
import { ConfigError } from '../errors/brief-error.js';
import { LlmError } from '../llm/llm-error.js';
import { callBatchApi } from './call-batch-api.js';

/** One cheap `GET /v1/batches` before the first PDF of a --batch run: a server without the Batch API stops the run with one line. */
export async function assertBatchApi(client: OpenAI): Promise<void> {
  try {
    await callBatchApi(client, 'GET /v1/batches', () => client.batches.list({ limit: 1 }));
  } catch (error) {
    // Other failures (an outage) are left to the batch's own requests and their errors.
    if (error instanceof LlmError && error.status === 404) throw new ConfigError([`${error.message}; no paper was summarized`]);
  }
}
