import type { Price } from '../config/config-schema.js';
import { findModelPrice } from './model-prices.js';

// OpenAI's Batch API bills every token, cached or not, at half the standard price.
export const BATCH_PRICE_FACTOR = 0.5;

/** The price overrides with `model` at its Batch API price, so every cost of a `--batch` run is counted as billed. */
export function applyBatchPrices(model: string, overrides: Readonly<Record<string, Price>>): Record<string, Price> {
  const price = findModelPrice(model, overrides);
  if (!price) return { ...overrides };
  const batchPrice: Price = {
    input: price.input * BATCH_PRICE_FACTOR,
    output: price.output * BATCH_PRICE_FACTOR,
    ...(price.cachedInput === undefined ? {} : { cachedInput: price.cachedInput * BATCH_PRICE_FACTOR }),
  };
  return { ...overrides, [model]: batchPrice };
}
