import type { Usage } from '../brief/brief-schema.js';
import type { Price } from '../config/config-schema.js';
import { findModelPrice } from './model-prices.js';

/** What the usage cost in USD; null when the model's price is unknown (add it to SUMMARIZE_PRICES). */
export function computeCostUsd(model: string, usage: Usage, overrides: Readonly<Record<string, Price>> = {}): number | null {
  const price = findModelPrice(model, overrides);
  if (!price) return null;
  const cachedTokens = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const dollars =
    ((usage.inputTokens - cachedTokens) * price.input +
      cachedTokens * (price.cachedInput ?? price.input) +
      usage.outputTokens * price.output) /
    1_000_000;
  // Ten decimals is far below a cent and keeps float noise out of the JSON.
  return Number(dollars.toFixed(10));
}
