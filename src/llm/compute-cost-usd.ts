import type { Usage } from '../brief/brief-schema.js';
import type { Price } from '../config/config-schema.js';
import { BATCH_PRICE_FACTOR } from './apply-batch-prices.js';
import { findModelPrice } from './model-prices.js';

/**
 * What the usage cost in USD, each call at its own price: the tokens answered through the Batch API at its price,
 * the rest at the list price; null when the model's price is unknown (add it to SUMMARIZE_PRICES).
 */
export function computeCostUsd(model: string, usage: Usage, overrides: Readonly<Record<string, Price>> = {}): number | null {
  const price = findModelPrice(model, overrides);
  if (!price) return null;
  const batched = usage.batched;
  const direct = batched
    ? { inputTokens: usage.inputTokens - batched.inputTokens, outputTokens: usage.outputTokens - batched.outputTokens, cachedInputTokens: usage.cachedInputTokens - batched.cachedInputTokens }
    : usage;
  const dollars = priceTokens(direct, price) + (batched ? priceTokens(batched, price) * BATCH_PRICE_FACTOR : 0);
  // Ten decimals is far below a cent and keeps float noise out of the JSON.
  return Number(dollars.toFixed(10));
}

// --- internal ---

function priceTokens(usage: Usage, price: Price): number {
  const cachedTokens = Math.min(usage.cachedInputTokens, usage.inputTokens);
  return ((usage.inputTokens - cachedTokens) * price.input + cachedTokens * (price.cachedInput ?? price.input) + usage.outputTokens * price.output) / 1_000_000;
}
