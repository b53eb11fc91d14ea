import type OpenAI from 'openai';
import type { Batch } from 'openai/resources/batches';
import { callBatchApi } from './call-batch-api.js';

/** What became of one request of a batch. `retry`: not answered through no fault of its own (expired, cancelled, a server error). */
export type BatchResult = { kind: 'answered'; completion: unknown } | { kind: 'retry'; reason: string } | { kind: 'failed'; reason: string; status?: number };

/** Every request's result from a finished batch's output and error files, by `custom_id`; a request in neither is to be sent again. */
export async function readBatchResults(client: OpenAI, batch: Batch, customIds: readonly string[], signal?: AbortSignal): Promise<Map<string, BatchResult>> {
  const results = new Map<string, BatchResult>();
  if (batch.status === 'failed') {
    // The whole file was refused (a bad line, a second model): no request of it will do better sent again.
    const reasons = batch.errors?.data?.map((error) => error.message ?? error.code).join('; ') || 'no reason given';
    for (const customId of customIds) results.set(customId, { kind: 'failed', reason: `batch ${batch.id} failed: ${reasons}` });
    return results;
  }
  for (const fileId of [batch.output_file_id, batch.error_file_id]) {
    if (!fileId) continue;
    const response = await callBatchApi(client, `GET /v1/files/${fileId}/content`, () => client.files.content(fileId), signal);
    for (const line of (await response.text()).split('\n')) {
      if (line.trim() === '') continue;
      const entry = JSON.parse(line) as OutputLine;
      results.set(entry.custom_id, readLine(entry, batch.id));
    }
  }
  for (const customId of customIds) {
    if (!results.has(customId)) results.set(customId, { kind: 'retry', reason: `not answered in batch ${batch.id} (${batch.status})` });
  }
  return results;
}

// --- internal ---

interface OutputLine {
  custom_id: string;
  response?: { status_code: number; body?: { error?: { message?: string } } } | null;
  error?: { code?: string; message?: string } | null;
}

function readLine(entry: OutputLine, batchId: string): BatchResult {
  const { response, error } = entry;
  if (response && response.status_code === 200) return { kind: 'answered', completion: response.body };
  if (response) {
    const reason = `HTTP ${response.status_code} in batch ${batchId}: ${response.body?.error?.message ?? 'no message'}`;
    // Rate limits and server errors pass; a request the server refused would be refused again.
    return response.status_code === 429 || response.status_code >= 500 ? { kind: 'retry', reason } : { kind: 'failed', reason, status: response.status_code };
  }
  return { kind: 'retry', reason: `${error?.code ?? 'no answer'} in batch ${batchId}: ${error?.message ?? ''}`.trim() };
}
