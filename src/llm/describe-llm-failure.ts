import type { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { loadOpenAi } from './load-openai.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { describeNetworkError } from '../http/describe-network-error.js';
import { readServerMessage } from './read-server-message.js';

/** One line saying what went wrong with an LLM request and what to check, never quoting the key. */
export function describeLlmFailure(error: unknown): string {
  const { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } = loadOpenAi();
  if (error instanceof APIConnectionTimeoutError) {
    return 'the LLM server did not answer in time: raise SUMMARIZE_LLM_TIMEOUT_MS or check the server';
  }
  if (error instanceof APIConnectionError) {
    return `could not reach the LLM server (${describeNetworkError(error.cause)}): check OPENAI_BASE_URL and the network`;
  }
  if (error instanceof APIUserAbortError) return 'the LLM request was cancelled';
  if (!(error instanceof APIError)) return error instanceof Error ? redactSecrets(error.message, [], { keyShapes: true }) : String(error);
  // The server's 401 text often quotes the key (masked or not); the status says enough.
  if (error.status === 401) return 'the LLM server rejected the API key (401): check OPENAI_API_KEY';
  const serverMessage = redactSecrets(readServerMessage(error), [], { keyShapes: true });
  switch (error.status) {
    case 403:
      return `the LLM server refused access (403: ${serverMessage}): check that OPENAI_API_KEY may use this model`;
    case 404:
      return `the LLM server has no such model or endpoint (404: ${serverMessage}): check SUMMARIZE_MODEL and OPENAI_BASE_URL`;
    case 429:
      return `the LLM server is rate limiting us (429: ${serverMessage}): lower SUMMARIZE_LLM_CONCURRENCY or check your quota`;
    default:
      return `the LLM server answered ${error.status ?? 'with an error'}: ${serverMessage}`;
  }
}

