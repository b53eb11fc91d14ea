import type { Price } from '../config/config-schema.js';
import { computeCostUsd } from './compute-cost-usd.js';

/** The cost before running, for dry runs and budgets: no cache hits assumed. */
export function estimateCostUsd(
  model: string,
  inputTokens: number,
  expectedOutputTokens: number,
  overrides: Readonly<Record<string, Price>> = {},
): number | null {
  return computeCostUsd(model, { inputTokens, outputTokens: expectedOutputTokens, cachedInputTokens: 0 }, overrides);
}
