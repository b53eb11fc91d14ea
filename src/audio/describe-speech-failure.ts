import type { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { loadOpenAi } from '../llm/load-openai.js';
import { describeNetworkError } from '../http/describe-network-error.js';
import { readServerMessage } from '../llm/read-server-message.js';
import { redactSecrets } from '../secrets/redact-secrets.js';

/** One line saying what went wrong with a speech request, naming the speech server (`server`) and the setting to check, never the key. */
export function describeSpeechFailure(error: unknown, server: string): string {
  const { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } = loadOpenAi();
  if (error instanceof APIConnectionTimeoutError) return `${server} did not answer in time: raise SUMMARIZE_LLM_TIMEOUT_MS or check the server`;
  if (error instanceof APIConnectionError) return `could not reach ${server} (${describeNetworkError(error.cause)}): check SUMMARIZE_TTS_BASE_URL and the network`;
  if (error instanceof APIUserAbortError) return 'the speech request was cancelled';
  if (!(error instanceof APIError)) return error instanceof Error ? redactSecrets(error.message, [], { keyShapes: true }) : String(error);
  if (error.status === 401) return `${server} rejected the API key (401): check OPENAI_API_KEY`;
  const serverMessage = redactSecrets(readServerMessage(error), [], { keyShapes: true });
  switch (error.status) {
    case 404:
      return `${server} has no such model, voice or endpoint (404: ${serverMessage}): check SUMMARIZE_TTS_MODEL, SUMMARIZE_TTS_VOICES and SUMMARIZE_TTS_BASE_URL`;
    case 429:
      return `${server} is rate limiting us (429: ${serverMessage}): check your quota`;
    default:
      return `${server} answered ${error.status ?? 'with an error'}: ${serverMessage}`;
  }
}
