import type OpenAI from 'openai';
import { ConfigError } from '../errors/brief-error.js';
import { describeMissingBatchApi } from './call-batch-api.js';
import { hasBatchApi } from './has-batch-api.js';

/** One cheap `GET /v1/batches` before the first PDF of a --batch run: a server without the Batch API stops the run with one line. */
export async function assertBatchApi(client: OpenAI): Promise<void> {
  // Other failures (an outage) are left to the batch's own requests and their errors.
  if (!(await hasBatchApi(client))) {
    throw new ConfigError([`${describeMissingBatchApi(client, 'GET /v1/batches')}; no paper was summarized`]);
  }
}
