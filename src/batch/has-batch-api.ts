import type OpenAI from 'openai';
import { LlmError } from '../llm/llm-error.js';
import { callBatchApi } from './call-batch-api.js';

/** Whether the server has the Batch API (no 404 on `GET /v1/batches`); any other failure is left to the batch's own requests. */
export async function hasBatchApi(client: OpenAI): Promise<boolean> {
  try {
    await callBatchApi(client, 'GET /v1/batches', () => client.batches.list({ limit: 1 }));
    return true;
  } catch (error) {
    return !(error instanceof LlmError && error.status === 404);
  }
}
