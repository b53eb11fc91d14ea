import { previewBody } from '../http/preview-body.js';
import { LlmError } from '../llm/llm-error.js';

/** An embeddings answer's vectors in input order and its token count, once checked. */
export type EmbeddingsAnswer = { vectors: number[][]; inputTokens: number };

/**
 * Parses and checks a 200 answer of `/embeddings`: one vector per input, every value a finite number, all of
 * one length (`expectedLength` when an earlier batch set it), none all zeros. A broken answer would rank
 * every paper at random and stay in the cache, so it is an LlmError instead.
 */
export function readEmbeddingsAnswer(body: string, inputCount: number, expectedLength: number | undefined): EmbeddingsAnswer {
  let answer: unknown;
  try {
    answer = JSON.parse(body);
  } catch {
    throw new LlmError(`the embeddings answer is not JSON: ${previewBody(body)}`);
  }
  const data = (answer as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new LlmError(`the embeddings answer has no data list: ${previewBody(body)}`);
  // The answer carries each input's index; order by it rather than trust the list's order.
  const items = [...data].sort((left, right) => Number(left?.index) - Number(right?.index));
  const vectors = items.map((item: { embedding?: unknown }) => item?.embedding);
  if (vectors.length !== inputCount) throw new LlmError(`the embeddings answer has ${vectors.length} vectors for ${inputCount} inputs`);
  const length = expectedLength ?? (Array.isArray(vectors[0]) ? vectors[0].length : 0);
  for (const [position, vector] of vectors.entries()) {
    if (!Array.isArray(vector) || !vector.every((value) => typeof value === 'number' && Number.isFinite(value))) {
      throw new LlmError(`the embeddings answer's vector ${position} holds values that are not finite numbers`);
    }
    if (vector.length === 0 || vector.length !== length) {
      throw new LlmError(`the embeddings answer's vector ${position} has ${vector.length} values, not ${length}`);
    }
    if (vector.every((value) => value === 0)) throw new LlmError(`the embeddings answer's vector ${position} is all zeros`);
  }
  const promptTokens = (answer as { usage?: { prompt_tokens?: unknown } }).usage?.prompt_tokens;
  return { vectors: vectors as number[][], inputTokens: typeof promptTokens === 'number' && Number.isFinite(promptTokens) ? promptTokens : 0 };
}
