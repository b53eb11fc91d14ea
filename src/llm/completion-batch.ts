import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';

export interface BatchAnswerOptions {
  signal?: AbortSignal | undefined;
  /** A repair or a further round on an answer: a batch set to send follow-ups at once does so. */
  followUp?: boolean | undefined;
  /** Sends the request directly, at the list price: for a request the batch gives back (a follow-up at once, a deadline's fallback). */
  sendAtOnce: () => Promise<unknown>;
}

/** The completion, and whether it came through the Batch API (billed at its price) or was sent at once. */
export interface BatchAnswer {
  completion: unknown;
  batched: boolean;
}

/** Answers a chat completion later, through the Batch API, instead of at once: the seam a `--batch` run fills. */
export interface CompletionBatch {
  /** Resolves with the completion as the server wrote it in the batch's output file, or as the direct call returned it. */
  answer(body: ChatCompletionCreateParamsNonStreaming, options: BatchAnswerOptions): Promise<BatchAnswer>;
  /** One of several paths of the caller that ask at the same time (a paper's brief and each style): a batch waits for every path. */
  branch(): CompletionBatchBranch;
}

/** A path that has its own calls; it leaves when it asks nothing more. */
export interface CompletionBatchBranch extends CompletionBatch {
  leave(): void;
}
