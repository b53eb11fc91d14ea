import { describe, expect, it } from 'vitest';
import { findWrongLanguage } from '../../src/language/check-language.js';
import { LOCALIZED_SENTENCES } from '../helpers/localized-brief.js';

describe('findWrongLanguage', () => {
  it('judges no language from formulas, numbers and acronyms alone', () => {
    expect(findWrongLanguage(['σ(Wx+b) with θ = 0.5, λ_i ≥ 1', '$\\alpha + \\beta \\leq \\gamma$', 'LoRA, QLoRA, DPO, RLHF, PPO, KL.'], 'zh')).toBeUndefined();
  });

  it('finds English prose around Greek letters, and tells Chinese from Japanese by its kana', () => {
    expect(findWrongLanguage([`${LOCALIZED_SENTENCES.en} The gate σ(Wx+b) uses θ and λ.`], 'zh')).toBe('en');
    expect(findWrongLanguage([LOCALIZED_SENTENCES.zh, '模型在基准上表现良好'], 'zh')).toBeUndefined();
    expect(findWrongLanguage([LOCALIZED_SENTENCES.ja], 'zh')).toBe('ja');
    expect(findWrongLanguage([LOCALIZED_SENTENCES.zh], 'ja')).toBe('zh');
  });
});
