import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_CONTEXT, getModelContext } from '../../src/text/get-model-context.js';

describe('getModelContext', () => {
  it.each([
    ['gpt-5', 400_000, 128_000],
    ['gpt-5-mini', 400_000, 128_000],
    ['gpt-5-nano-2025-08-07', 400_000, 128_000],
    ['gpt-4.1-mini', 1_047_576, 32_768],
    ['gpt-4o-mini-2024-07-18', 128_000, 16_384],
    ['o3', 200_000, 100_000],
    ['o4-mini', 200_000, 100_000],
    ['openai/gpt-4o', 128_000, 16_384],
  ])('%s has %i context and %i output tokens', (model, contextTokens, maxOutputTokens) => {
    expect(getModelContext(model)).toEqual({ contextTokens, maxOutputTokens });
  });

  it('is conservative for unknown (often small local) models', () => {
    expect(getModelContext('llama3.1:8b')).toEqual(DEFAULT_MODEL_CONTEXT);
    expect(DEFAULT_MODEL_CONTEXT.contextTokens).toBeLessThanOrEqual(32_768);
  });
});
