import type OpenAI from 'openai';
import { LlmError } from '../llm/llm-error.js';
import { withLlmRetries, type LlmRetryOptions } from '../llm/with-llm-retries.js';
import { EmbeddingsUnavailableError } from './embeddings-unavailable-error.js';
import { readEmbeddingsAnswer } from './read-embeddings-answer.js';

export type EmbedTextsOptions = {
  /** Inputs per request. Default: 200 (1,000 candidates and a profile in 6 requests). */
  batchSize?: number;
  retry?: LlmRetryOptions;
};

export type EmbeddedTexts = { vectors: number[][]; inputTokens: number; requests: number };

const NO_EMBEDDINGS = new Set([
  400, // Bad Request: the model is no embeddings model
  404, // Not Found: no /embeddings route, or no such model
  405, // Method Not Allowed: a server without the route
]);

// An abstract fits easily; the cap keeps a runaway text under the models' 8,191-token input limit.
const MAX_INPUT_CHARS = 12_000;

/** Embeds texts through the OpenAI-compatible `/embeddings` endpoint, many inputs per request, in order. */
export async function embedTexts(client: OpenAI, model: string, texts: readonly string[], options: EmbedTextsOptions = {}): Promise<EmbeddedTexts> {
  const { batchSize = 200, retry } = options;
  const result: EmbeddedTexts = { vectors: [], inputTokens: 0, requests: 0 };
  for (let start = 0; start < texts.length; start += batchSize) {
    const input = texts.slice(start, start + batchSize).map((text) => text.slice(0, MAX_INPUT_CHARS));
    let response: Response;
    try {
      const signal = retry?.signal;
      // The raw answer: the client would hand a non-JSON or NaN-holding body through unchecked.
      response = await withLlmRetries(
        () => client.embeddings.create({ model, input, encoding_format: 'float' }, signal ? { signal } : undefined).asResponse(),
        retry,
      );
    } catch (error) {
      if (error instanceof LlmError && error.status !== undefined && NO_EMBEDDINGS.has(error.status)) {
        throw new EmbeddingsUnavailableError(model, error.status, { cause: error });
      }
      throw error;
    }
    const answer = readEmbeddingsAnswer(await response.text(), input.length, result.vectors[0]?.length);
    result.requests += 1;
    result.inputTokens += answer.inputTokens;
    result.vectors.push(...answer.vectors);
  }
  return result;
}
