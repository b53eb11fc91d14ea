import type { Usage } from '../brief/brief-schema.js';

/**
 * One call's usage shared among the texts it answered: the prompt (input and cached input) in equal parts, the
 * output by each text's weight (its length), the batched part the same way; the parts add up to the whole exactly.
 */
export function splitUsage(usage: Usage, outputWeights: readonly number[]): Usage[] {
  const count = outputWeights.length;
  const weights = outputWeights.some((weight) => weight > 0) ? outputWeights : outputWeights.map(() => 1);
  const split = (tokens: Usage): Usage[] => {
    const inputs = divide(tokens.inputTokens, weights.map(() => 1));
    const cached = divide(tokens.cachedInputTokens, weights.map(() => 1));
    const outputs = divide(tokens.outputTokens, weights);
    return weights.map((_, index) => ({ inputTokens: inputs[index]!, outputTokens: outputs[index]!, cachedInputTokens: cached[index]! }));
  };
  const parts = split(usage);
  if (!usage.batched || count === 0) return parts;
  const batched = split(usage.batched);
  return parts.map((part, index) => ({ ...part, batched: batched[index]! }));
}

// --- internal ---

// Whole tokens in proportion to the weights; what rounding leaves goes to the last, so the sum is exact.
function divide(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((left, right) => left + right, 0);
  const parts = weights.map((weight) => Math.floor((total * weight) / sum));
  if (parts.length > 0) parts[parts.length - 1]! += total - parts.reduce((left, right) => left + right, 0);
  return parts;
}
