import type { ChatCompletion } from 'openai/resources/chat/completions';
import { LlmError } from './llm-error.js';

/** A proxy or web server at the configured URL answers 200 with a page: say so, instead of failing on its missing fields. */
export function assertChatCompletion(answer: unknown): ChatCompletion {
  if (typeof answer === 'object' && answer !== null && Array.isArray((answer as { choices?: unknown }).choices)) {
    return answer as ChatCompletion;
  }
  const looksLikeHtml = typeof answer === 'string' && /^\s*</.test(answer);
  throw new LlmError(
    looksLikeHtml
      ? 'the LLM endpoint answered with HTML, not JSON: check OPENAI_BASE_URL (it usually ends in /v1)'
      : 'the LLM endpoint answered with something other than a chat completion: check OPENAI_BASE_URL (it usually ends in /v1)',
  );
}
