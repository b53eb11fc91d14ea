import type OpenAI from 'openai';
import type { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { loadOpenAi } from '../llm/load-openai.js';
import { ENV_NAMES } from '../config/config-schema.js';
import { describeLlmFailure } from '../llm/describe-llm-failure.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import type { CheckResult } from './check-result.js';
import { describeNetworkFailure } from './describe-network-failure.js';

export type CheckLlmEndpointOptions = {
  /** Built with no retries and a short timeout: the doctor reports, it does not insist. */
  client: OpenAI;
  model: string;
  /** The endpoint, named in messages (the client's key never is). */
  baseUrl: string;
  timeoutMs: number;
};

const UNAUTHORIZED = 401;
const NOT_FOUND = 404; // servers without a model list (some proxies) answer this to GET /models
const MODELS_SHOWN = 8;

/** `GET /models`: proves the endpoint answers and takes the key, and tells whether it serves the configured model. */
export async function checkLlmEndpoint({ client, model, baseUrl, timeoutMs }: CheckLlmEndpointOptions): Promise<CheckResult> {
  const base = { id: 'llm-endpoint', title: 'LLM endpoint' };
  const host = new URL(baseUrl).host;
  let listed: string[];
  try {
    const page = await client.models.list();
    listed = (page.data ?? []).map((entry) => entry.id);
  } catch (error) {
    return { ...base, ...describeListFailure(error, host, model, timeoutMs) };
  }
  if (listed.length === 0) {
    return {
      ...base,
      status: 'warning',
      message: `${host} answers but lists no models, so ${model} could not be confirmed`,
      fix: `if summaries fail, check ${ENV_NAMES.model} against the server's documentation`,
    };
  }
  if (!listed.some((id) => id === model || id === `${model}:latest`)) {
    const shown = listed.slice(0, MODELS_SHOWN).join(', ') + (listed.length > MODELS_SHOWN ? ', …' : '');
    return {
      ...base,
      status: 'failed',
      certain: true,
      message: `${host} answers, but does not offer the model ${model}`,
      fix: `set ${ENV_NAMES.model} to a model it lists (${shown}), or check ${ENV_NAMES.openaiBaseUrl}`,
    };
  }
  return { ...base, status: 'ok', message: `${host} answers, accepts the key and offers ${model}` };
}

// --- internal ---

function describeListFailure(error: unknown, host: string, model: string, timeoutMs: number): Omit<CheckResult, 'id' | 'title'> {
  const { APIConnectionError, APIConnectionTimeoutError, APIError } = loadOpenAi();
  if (error instanceof APIConnectionTimeoutError) {
    return {
      status: 'failed',
      message: `${host} did not answer within ${Math.round(timeoutMs / 100) / 10} s`,
      fix: `check that the server is up, the network and ${ENV_NAMES.openaiBaseUrl}`,
    };
  }
  if (error instanceof APIConnectionError) {
    return { status: 'failed', ...describeNetworkFailure(error.cause ?? error, host, ENV_NAMES.openaiBaseUrl) };
  }
  if (error instanceof APIError && error.status === UNAUTHORIZED) {
    // the server's text may quote the key, so none of it is shown
    return {
      status: 'failed',
      certain: true,
      message: `${host} rejected the API key (HTTP 401)`,
      fix: `check ${ENV_NAMES.openaiApiKey}: a current key for this server, without quotes or spaces`,
    };
  }
  if (error instanceof APIError && error.status === NOT_FOUND) {
    return {
      status: 'warning',
      message: `${host} does not list its models (HTTP 404), so ${model} could not be confirmed`,
      fix: `if summaries fail with 404, check ${ENV_NAMES.openaiBaseUrl} (it usually ends in /v1) and ${ENV_NAMES.model}`,
    };
  }
  if (error instanceof APIError) return { status: 'failed', message: describeLlmFailure(error) };
  return { status: 'failed', message: redactSecrets(error instanceof Error ? error.message : String(error), [], { keyShapes: true }) };
}
