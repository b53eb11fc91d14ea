import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { countTokens } from '../text/count-tokens.js';

// Below half of what was sent, the server read only part of the prompt: Ollama cuts to its context length without a word.
const TRUNCATION_RATIO = 0.5;
const TRUNCATION_MIN_TOKENS = 500;

/** A warning when the server's prompt token count is far below what was sent; undefined when it is in line. */
export function detectSilentTruncation(messages: ChatCompletionMessageParam[], reportedPromptTokens: number): string | undefined {
  const sentTokens = countTokens(messages.map((message) => (typeof message.content === 'string' ? message.content : '')).join('\n'));
  if (sentTokens < TRUNCATION_MIN_TOKENS || reportedPromptTokens <= 0 || reportedPromptTokens >= sentTokens * TRUNCATION_RATIO) return undefined;
  return `the server counted ${Math.round(reportedPromptTokens)} prompt tokens for about ${sentTokens} sent: it may have cut the paper (Ollama: raise OLLAMA_CONTEXT_LENGTH, or set SUMMARIZE_MAX_INPUT_TOKENS to its context)`;
}
