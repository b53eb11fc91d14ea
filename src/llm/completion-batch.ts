import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';

/** Answers a chat completion later, through the Batch API, instead of at once: the seam a `--batch` run fills. */
export interface CompletionBatch {
  /** Resolves with the completion as the server wrote it in the batch's output file. */
  answer(body: ChatCompletionCreateParamsNonStreaming, signal?: AbortSignal): Promise<unknown>;
}
