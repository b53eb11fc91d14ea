import type OpenAI from 'openai';
import { LlmError } from '../llm/llm-error.js';
import { withLlmRetries, type LlmRetryOptions } from '../llm/with-llm-retries.js';
import { assertEmbeddingsAnswer } from './assert-embeddings-answer.js';
import { EmbeddingsUnavailableError } from './embeddings-unavailable-error.js';

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
    let response: OpenAI.CreateEmbeddingResponse;
    try {
      const signal = retry?.signal;
      response = assertEmbeddingsAnswer(await withLlmRetries(() => client.embeddings.create({ model, input, encoding_format: 'float' }, signal ? { signal } : undefined), retry));
    } catch (error) {
      if (error instanceof LlmError && error.status !== undefined && NO_EMBEDDINGS.has(error.status)) {
        throw new EmbeddingsUnavailableError(model, error.status, { cause: error });
      }
      // A 200 whose body is no JSON (a proxy's page, a NaN printed by the server) reaches us as the parser's error.
      if (error instanceof SyntaxError) throw new LlmError(`the embeddings answer is not JSON (${error.message})`, { cause: error });
      throw error;
    }
    result.requests += 1;
    result.inputTokens += response.usage?.prompt_tokens ?? 0;
    // The answer carries each input's index; order by it rather than trust the list's order.
    const vectors = [...response.data].sort((left, right) => left.index - right.index).map((item) => item.embedding);
    if (vectors.length !== input.length) throw new LlmError(`the embeddings answer has ${vectors.length} vectors for ${input.length} inputs`);
    assertUsableVectors(vectors, result.vectors[0]?.length);
    result.vectors.push(...vectors);
  }
  return result;
}

// --- internal ---

// Vectors that would rank nonsense (or poison the cache for good) are refused before anything uses or stores them.
function assertUsableVectors(vectors: readonly unknown[], expectedLength: number | undefined): void {
  let length = expectedLength;
  for (const vector of vectors) {
    if (!Array.isArray(vector) || !vector.every((value) => typeof value === 'number' && Number.isFinite(value))) {
      throw new LlmError('the embeddings answer holds a vector that is not all finite numbers');
    }
    length ??= vector.length;
    if (vector.length !== length || length === 0) throw new LlmError(`the embeddings answer holds vectors of different lengths (${length} and ${vector.length})`);
    if (vector.every((value) => value === 0)) throw new LlmError('the embeddings answer holds a vector of zeros, which matches nothing');
  }
}
