import type OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { assertChatCompletion } from './assert-chat-completion.js';
import type { CompletionBatch } from './completion-batch.js';
import { markBatched, readCompletionUsage } from './read-completion-usage.js';
import { type LlmRetryOptions, withLlmRetries } from './with-llm-retries.js';
import { requestFollowing } from '../http/request-following.js';

/** One chat completion with our retries, its usage recorded on the meter the moment it is paid for. */
export async function requestCompletion(
  client: OpenAI,
  body: ChatCompletionCreateParamsNonStreaming,
  { signal, retry, batch }: { signal?: AbortSignal | undefined; retry?: LlmRetryOptions | undefined; batch?: CompletionBatch | undefined },
): Promise<ChatCompletion> {
  const answer = batch ? await answerInBatch(batch, body, signal, retry) : await withLlmRetries(() => requestFollowing(signal, (requestSignal) => client.chat.completions.create(body, requestSignal ? { signal: requestSignal } : undefined)), {
    ...retry,
    ...(signal ? { signal } : {}),
  });
  let completion: ChatCompletion;
  try {
    completion = assertChatCompletion(answer);
  } catch (error) {
    // A 200 with a web page is no model's answer: nothing was billed for it.
    retry?.meter?.requestRefused();
    throw error;
  }
  // A batch's answer is billed at the Batch API's price, a direct one at the list price: the usage says which.
  const usage = readCompletionUsage(completion.usage);
  retry?.meter?.requestAnswered(batch ? markBatched(usage) : usage);
  return completion;
}

// --- internal ---

// A batch's request is paid for once it is sent, as a direct one is.
async function answerInBatch(batch: CompletionBatch, body: ChatCompletionCreateParamsNonStreaming, signal: AbortSignal | undefined, retry: LlmRetryOptions | undefined): Promise<unknown> {
  retry?.meter?.requestSent();
  return batch.answer(body, signal);
}
