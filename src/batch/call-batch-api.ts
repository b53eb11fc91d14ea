import type OpenAI from 'openai';
import { describeLlmFailure } from '../llm/describe-llm-failure.js';
import { LlmError } from '../llm/llm-error.js';
import { withLlmRetries } from '../llm/with-llm-retries.js';

/**
 * One Files or Batches API request, retried on rate limits, server errors and lost connections (a night polls
 * hundreds of times); a 404 says the server has no Batch API, any other failure names the step.
 */
export async function callBatchApi<T>(client: OpenAI, step: string, request: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  try {
    return await withLlmRetries(() => request(), signal ? { signal } : {});
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    const status = readStatus(error);
    // Only the batches endpoint itself says whether the server has the API; a 404 on one batch or file is about that one.
    if (status === 404 && (step === 'POST /v1/batches' || step === 'GET /v1/batches')) {
      throw new LlmError(describeMissingBatchApi(client, step), { status, cause: error });
    }
    throw new LlmError(`the Batch API failed on ${step}${status === undefined ? '' : ` (HTTP ${status})`}: ${describeLlmFailure(error)}`, { ...(status === undefined ? {} : { status }), cause: error });
  }
}

/** The line for a server that answered 404 on the batches endpoint itself, with the fix. */
export function describeMissingBatchApi(client: OpenAI, step: string): string {
  return `the server at ${client.baseURL} has no Batch API (404 on ${step}): run without --batch (SUMMARIZE_BATCH=off), or point OPENAI_BASE_URL at a server that has one`;
}

// --- internal ---

function readStatus(error: unknown): number | undefined {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : undefined;
}
