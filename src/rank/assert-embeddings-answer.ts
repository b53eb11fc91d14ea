import type OpenAI from 'openai';
import { LlmError } from '../llm/llm-error.js';

/** A proxy or web server at the configured URL answers 200 with a page: say so, instead of failing on its missing `data`. */
export function assertEmbeddingsAnswer(answer: unknown): OpenAI.CreateEmbeddingResponse {
  if (typeof answer === 'object' && answer !== null && Array.isArray((answer as { data?: unknown }).data)) {
    return answer as OpenAI.CreateEmbeddingResponse;
  }
  const looksLikeHtml = typeof answer === 'string' && /^\s*</.test(answer);
  throw new LlmError(
    looksLikeHtml
      ? 'the embeddings endpoint answered with HTML, not JSON: check OPENAI_BASE_URL (it usually ends in /v1)'
      : 'the embeddings endpoint answered with something other than a list of embeddings: check OPENAI_BASE_URL (it usually ends in /v1)',
  );
}
