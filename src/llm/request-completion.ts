import type OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { readCompletionUsage } from './read-completion-usage.js';
import { type LlmRetryOptions, withLlmRetries } from './with-llm-retries.js';

/** One chat completion with our retries, its usage recorded on the meter the moment it is paid for. */
export async function requestCompletion(
  client: OpenAI,
  body: ChatCompletionCreateParamsNonStreaming,
  { signal, retry }: { signal?: AbortSignal | undefined; retry?: LlmRetryOptions | undefined },
): Promise<ChatCompletion> {
  const completion = await withLlmRetries(() => client.chat.completions.create(body, signal ? { signal } : undefined), {
    ...retry,
    ...(signal ? { signal } : {}),
  });
  retry?.meter?.requestAnswered(readCompletionUsage(completion.usage));
  return completion;
}
