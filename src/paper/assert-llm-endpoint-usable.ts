import type { Config } from '../config/config-schema.js';
import { ConfigError } from '../errors/brief-error.js';
import { OPENAI_BASE_URL } from '../llm/create-llm-client.js';
import type { PaperContext } from './create-paper-context.js';

/**
 * One cheap request (`GET /models`) before the first PDF: a refused key or a model the server lacks would fail
 * every paper after its download, so the run stops now with one line. An outage or a server without a model
 * list is left to the retries and the breaker. A --batch run also asks that the server has the Batch API.
 */
export async function assertLlmEndpointUsable(context: PaperContext, config: Config): Promise<void> {
  // Asked only before paid work, so the client library loads only on runs that have some.
  const { checkLlmEndpoint } = await import('../doctor/check-llm-endpoint.js');
  const result = await checkLlmEndpoint({ client: context.llm(), model: config.model, baseUrl: config.openaiBaseUrl ?? OPENAI_BASE_URL, timeoutMs: config.llmTimeoutMs });
  if (result.certain) throw new ConfigError([`${result.message}: no paper can be summarized; ${result.fix ?? ''}`.replace(/; $/, '')]);
  if (config.batch === 'on') await (await import('../batch/assert-batch-api.js')).assertBatchApi(context.llm());
}
