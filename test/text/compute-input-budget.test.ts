import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/brief-error.js';
import { computeInputBudget } from '../../src/text/compute-input-budget.js';

describe('computeInputBudget', () => {
  it('leaves room for the prompt, the answer and a safety margin', () => {
    const budget = computeInputBudget('gpt-4o', { promptTokens: 2_000, reserveOutputTokens: 8_000 });
    expect(budget).toBeLessThan(128_000 - 2_000 - 8_000);
    expect(budget).toBeGreaterThan(110_000);
  });

  it('never exceeds the user cap', () => {
    expect(computeInputBudget('gpt-5-mini', { promptTokens: 2_000, maxInputTokens: 50_000 })).toBe(50_000);
  });

  it('reserves the output limit (at most 16 384) when not told', () => {
    const budget = computeInputBudget('unknown-local-model', { promptTokens: 1_000 });
    expect(budget).toBe(32_768 - 1_000 - 4_096 - Math.ceil(32_768 * 0.03));
  });

  it('fails with a configuration error when nothing is left for the paper', () => {
    expect(() => computeInputBudget('tiny', { promptTokens: 30_000 })).toThrow(ConfigError);
    expect(() => computeInputBudget('tiny', { promptTokens: 30_000 })).toThrow(/larger context/);
  });
});
