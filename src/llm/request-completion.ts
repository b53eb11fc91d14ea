import type OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { assertChatCompletion } from './assert-chat-completion.js';
import type { BatchAnswer, CompletionBatch } from './completion-batch.js';
import { markBatched, readCompletionUsage } from './read-completion-usage.js';
import { type LlmRetryOptions, withLlmRetries } from './with-llm-retries.js';
import { requestFollowing } from '../http/request-following.js';

/** One chat completion with our retries, its usage recorded on the meter the moment it is paid for. */
export async function requestCompletion(
  client: OpenAI,
  body: ChatCompletionCreateParamsNonStreaming,
  { signal, retry, batch, followUp }: { signal?: AbortSignal | undefined; retry?: LlmRetryOptions | undefined; batch?: CompletionBatch | undefined; followUp?: boolean | undefined },
): Promise<ChatCompletion> {
  const sendAtOnce = () =>
    withLlmRetries(() => requestFollowing(signal, (requestSignal) => client.chat.completions.create(body, requestSignal ? { signal: requestSignal } : undefined)), {
      ...retry,
      ...(signal ? { signal } : {}),
    });
  const { completion: answer, batched } = batch ? await answerInBatch(batch, body, { signal, retry, followUp, sendAtOnce }) : { completion: await sendAtOnce(), batched: false };
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
  retry?.meter?.requestAnswered(batched ? markBatched(usage) : usage);
  return completion;
}

// --- internal ---

// A batch's request is paid for once it is sent, as a direct one is; one the batch gives back is counted by its direct call instead.
async function answerInBatch(
  batch: CompletionBatch,
  body: ChatCompletionCreateParamsNonStreaming,
  options: { signal: AbortSignal | undefined; retry: LlmRetryOptions | undefined; followUp: boolean | undefined; sendAtOnce: () => Promise<unknown> },
): Promise<BatchAnswer> {
  const { signal, retry, followUp, sendAtOnce } = options;
  retry?.meter?.requestSent();
  return batch.answer(body, {
    signal,
    followUp,
    sendAtOnce: () => {
      retry?.meter?.requestWithdrawn();
      return sendAtOnce();
    },
  });
}
