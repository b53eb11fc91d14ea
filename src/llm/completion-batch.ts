import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';

/** Answers a chat completion later, through the Batch API, instead of at once: the seam a `--batch` run fills. */
export interface CompletionBatch {
  /** Resolves with the completion as the server wrote it in the batch's output file. */
  answer(body: ChatCompletionCreateParamsNonStreaming, signal?: AbortSignal): Promise<unknown>;
  /** One of several paths of the caller that ask at the same time (a paper's brief and each style): a batch waits for every path. */
  branch(): CompletionBatchBranch;
}

/** A path that has its own calls; it leaves when it asks nothing more. */
export interface CompletionBatchBranch extends CompletionBatch {
  leave(): void;
}
