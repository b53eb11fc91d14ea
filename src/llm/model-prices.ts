import type { Price } from '../config/config-schema.js';

/**
 * USD per million tokens, standard tier, from OpenAI's API pricing page as of 2025-10;
 * SUMMARIZE_PRICES adds to or overrides these, e.g. for another provider or a price change.
 */
export const MODEL_PRICES: Readonly<Record<string, Price>> = {
  'gpt-5': { input: 1.25, cachedInput: 0.125, output: 10 },
  'gpt-5-mini': { input: 0.25, cachedInput: 0.025, output: 2 },
  'gpt-5-nano': { input: 0.05, cachedInput: 0.005, output: 0.4 },
  'gpt-4.1': { input: 2, cachedInput: 0.5, output: 8 },
  'gpt-4.1-mini': { input: 0.4, cachedInput: 0.1, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, cachedInput: 0.025, output: 0.4 },
  'gpt-4o': { input: 2.5, cachedInput: 1.25, output: 10 },
  'gpt-4o-mini': { input: 0.15, cachedInput: 0.075, output: 0.6 },
  'o4-mini': { input: 1.1, cachedInput: 0.275, output: 4.4 },
  o3: { input: 2, cachedInput: 0.5, output: 8 },
  // Embeddings (ranking by interests): input only.
  'text-embedding-3-small': { input: 0.02, output: 0 },
  'text-embedding-3-large': { input: 0.13, output: 0 },
  'text-embedding-ada-002': { input: 0.1, output: 0 },
};

// A dated snapshot: gpt-4o-mini-2024-07-18, gpt-4-0613.
const SNAPSHOT_SUFFIX = /-(\d{4}-\d{2}-\d{2}|\d{4})$/;

/**
 * The price of `model`: overrides first, then the table; a dated snapshot takes its family's
 * price (gpt-4o-mini-2024-07-18 → gpt-4o-mini), while gpt-5-mini never falls back to gpt-5.
 */
export function findModelPrice(model: string, overrides: Readonly<Record<string, Price>> = {}): Price | undefined {
  const family = model.replace(SNAPSHOT_SUFFIX, '');
  return overrides[model] ?? MODEL_PRICES[model] ?? overrides[family] ?? MODEL_PRICES[family];
}
