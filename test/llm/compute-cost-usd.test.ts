import { describe, expect, it } from 'vitest';
import { computeCostUsd } from '../../src/llm/compute-cost-usd.js';
import { estimateCostUsd } from '../../src/llm/estimate-cost-usd.js';
import { findModelPrice } from '../../src/llm/model-prices.js';
import { addUsage, markBatched } from '../../src/llm/read-completion-usage.js';

const usage = { inputTokens: 1_000_000, outputTokens: 100_000, cachedInputTokens: 0 };

describe('computeCostUsd', () => {
  it('prices input and output of a known model', () => {
    // 1M input at 0.25 + 0.1M output at 2.00
    expect(computeCostUsd('gpt-5-mini', usage)).toBeCloseTo(0.45, 10);
    expect(computeCostUsd('gpt-5', usage)).toBeCloseTo(1.25 + 1, 10);
  });

  it('bills cached input tokens at the cached price and the rest at the input price', () => {
    const cached = { inputTokens: 1_000_000, outputTokens: 0, cachedInputTokens: 800_000 };
    // 0.2M at 1.25 + 0.8M at 0.125
    expect(computeCostUsd('gpt-5', cached)).toBeCloseTo(0.25 + 0.1, 10);
  });

  it('prices the part answered through the Batch API at half, the rest at the list price', () => {
    const batched = { inputTokens: 600_000, outputTokens: 60_000, cachedInputTokens: 0 };
    const direct = { inputTokens: 400_000, outputTokens: 40_000, cachedInputTokens: 0 };
    const mixed = addUsage(markBatched(batched), direct);
    expect(mixed).toEqual({ ...usage, batched });
    // 0.6M at 0.125 + 0.06M at 1.00, then 0.4M at 0.25 + 0.04M at 2.00
    expect(computeCostUsd('gpt-5-mini', mixed)).toBeCloseTo(0.075 + 0.06 + 0.1 + 0.08, 10);
    expect(computeCostUsd('gpt-5-mini', mixed)).toBeCloseTo(computeCostUsd('gpt-5-mini', batched)! / 2 + computeCostUsd('gpt-5-mini', direct)!, 10);
  });

  it('returns null for an unknown model', () => {
    expect(computeCostUsd('llama3.1:8b', usage)).toBeNull();
  });

  it('prices a dated snapshot as its model, but never a bigger family for a smaller one', () => {
    expect(findModelPrice('gpt-4o-mini-2024-07-18')).toEqual(findModelPrice('gpt-4o-mini'));
    expect(findModelPrice('gpt-5-2025-08-07')).toEqual(findModelPrice('gpt-5'));
    expect(findModelPrice('gpt-5-mini')?.input).toBe(0.25);
    expect(findModelPrice('gpt-5-pro')).toBeUndefined();
    expect(findModelPrice('gpt-4o-audio-preview')).toBeUndefined();
  });

  it('uses an override before the table, and for models the table lacks', () => {
    const overrides = { 'gpt-5-mini': { input: 1, output: 1 }, 'llama3.1:8b': { input: 0, output: 0 } };

    // No cachedInput in the override: cached tokens cost the input price.
    expect(computeCostUsd('gpt-5-mini', { ...usage, cachedInputTokens: 500_000 }, overrides)).toBeCloseTo(1.1, 10);
    expect(computeCostUsd('llama3.1:8b', usage, overrides)).toBe(0);
    expect(computeCostUsd('gpt-4o', usage, overrides)).toBeCloseTo(2.5 + 1, 10);
  });

  it('keeps float noise out of small costs', () => {
    expect(computeCostUsd('gpt-4.1-nano', { inputTokens: 3, outputTokens: 3, cachedInputTokens: 0 })).toBe(0.0000015);
  });
});

describe('estimateCostUsd', () => {
  it('assumes no cache hits', () => {
    expect(estimateCostUsd('gpt-4o-mini', 20_000, 2_000)).toBeCloseTo(0.003 + 0.0012, 10);
    expect(estimateCostUsd('unknown-model', 20_000, 2_000)).toBeNull();
  });
});
