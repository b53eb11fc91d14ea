import type { CompletionUsage } from 'openai/resources/completions';
import type { Usage } from '../brief/brief-schema.js';

export const ZERO_USAGE: Usage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };

/** Our usage from the wire format; servers that report none count as zero. */
export function readCompletionUsage(usage: CompletionUsage | null | undefined): Usage {
  return {
    inputTokens: usage?.prompt_tokens ?? 0,
    outputTokens: usage?.completion_tokens ?? 0,
    cachedInputTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
  };
}

/** The same usage, every token of it answered through the Batch API. */
export function markBatched(usage: Usage): Usage {
  const { inputTokens, outputTokens, cachedInputTokens } = usage;
  // A shared answer counted once carries no tokens: nothing to mark.
  if (inputTokens === 0 && outputTokens === 0) return usage;
  return { inputTokens, outputTokens, cachedInputTokens, batched: { inputTokens, outputTokens, cachedInputTokens } };
}

/** Two usages added up, e.g. over the attempts of one paper; the batched parts add up apart, as they are billed apart. */
export function addUsage(left: Usage, right: Usage): Usage {
  const sum = addTokens(left, right);
  if (!left.batched && !right.batched) return sum;
  return { ...sum, batched: addTokens(left.batched ?? ZERO_USAGE, right.batched ?? ZERO_USAGE) };
}

// --- internal ---

function addTokens(left: Usage, right: Usage): Usage {
  return {
    inputTokens: left.inputTokens + right.inputTokens,
    outputTokens: left.outputTokens + right.outputTokens,
    cachedInputTokens: left.cachedInputTokens + right.cachedInputTokens,
  };
}
