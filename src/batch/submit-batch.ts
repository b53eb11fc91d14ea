import type OpenAI from 'openai';
import type { BatchJournal, BatchRecord } from './batch-journal.js';
import { callBatchApi } from './call-batch-api.js';

export const BATCH_ENDPOINT = '/v1/chat/completions';

/**
 * Takes a recorded submission as far as a batch id, recording each step before the next: the intent, the uploaded
 * file, then the batch. A record that already has its batch is resumed as it is; one whose file was uploaded
 * but whose batch id was never written looks for the batch made from that file first, so nothing is paid twice.
 */
export async function submitBatch(client: OpenAI, journal: BatchJournal, record: BatchRecord, signal?: AbortSignal): Promise<BatchRecord> {
  if (record.batchId !== undefined) return record;
  let current = record;
  if (current.inputFileId === undefined) {
    const input = await journal.readInput(current.key);
    const file = await callBatchApi(client, 'POST /v1/files', () => client.files.create({ file: new File([input], `${current.key}.jsonl`, { type: 'application/jsonl' }), purpose: 'batch' }), signal);
    current = { ...current, inputFileId: file.id };
    await journal.record(current);
  } else {
    const made = await findBatchOfFile(client, current.inputFileId, signal);
    if (made) {
      current = { ...current, batchId: made };
      await journal.record(current);
      return current;
    }
  }
  const inputFileId = current.inputFileId!;
  const batch = await callBatchApi(client, 'POST /v1/batches', () =>
    client.batches.create({ input_file_id: inputFileId, endpoint: BATCH_ENDPOINT, completion_window: '24h', metadata: { arxiv_brief_key: current.key } }),
    signal,
  );
  current = { ...current, batchId: batch.id };
  await journal.record(current);
  return current;
}

// --- internal ---

// A run killed after POST /v1/batches but before it wrote the id: the batch exists, made from our file.
async function findBatchOfFile(client: OpenAI, inputFileId: string, signal?: AbortSignal): Promise<string | undefined> {
  const page = await callBatchApi(client, 'GET /v1/batches', () => client.batches.list({ limit: 100 }), signal);
  return page.data.find((batch) => batch.input_file_id === inputFileId)?.id;
}
