import { describe, expect, it } from 'vitest';
import { findNumbersInText } from '../../../src/brief/checks/find-numbers-in-text.js';

const textsOf = (text: string) => findNumbersInText(text).map((mention) => mention.text);

describe('findNumbersInText', () => {
  it.each([
    ['reaches 94.2% accuracy', ['94.2%']],
    ['reaches 94 % accuracy', ['94 %']],
    ['an AUC of 0.94 and a recall of .87', ['0.94', '.87']],
    ['improves by 12 percent', ['12 percent']],
    ['gains 3.5 percentage points', ['3.5 percentage points']],
    ['3,000 samples and 12,345,678 tokens', ['3,000', '12,345,678']],
    ['3\u2009000 samples', ['3\u2009000']],
    ['3k samples, 12K prompts, 1.2M images', ['3k', '12K', '1.2M']],
    ['a 7B model and a 70 B model', ['7B', '70 B']],
    ['trained on 7 billion tokens', ['7 billion']],
    ['1.5x faster and 2.5× cheaper', ['1.5x', '2.5×']],
    ['a 2-fold speedup, 3 times smaller', ['2-fold', '3 times']],
    ['over 10^6 steps', ['10^6']],
    ['over 10^{6} steps', ['10^{6}']],
    ['a learning rate of 3e-5', ['3e-5']],
    ['about 2×10^6 pairs', ['2×10^6']],
    ['a change of −0.35 in loss', ['−0.35']],
    ['the 95th percentile', ['95']],
    ['released in 2019 with 12 layers', ['2019', '12']],
    ['from 12 to 15 and 10-20%', ['12', '15', '20%']],
  ])('finds the numbers in %j', (text, expected) => {
    expect(textsOf(text)).toEqual(expected);
  });

  it.each([
    ['three datasets and 2 stages', 'small counts'],
    ['uses 10 annotators', 'ten is still a count'],
    ['GPT-4 beats GPT-3.5 and Llama-2', 'model names'],
    ['ResNet-50 with top-5 and pass@1', 'names with a hyphen or @'],
    ['F1, L2 loss, H100 GPUs, T5, CO2', 'digits glued to letters'],
    ['see Section 3.2 and Eq. (14)', 'references'],
    ['as in Table 12 and Figures 11-13', 'reference ranges'],
    ['Theorem 4.1, Lemma 12, Appendix 11, §4.3', 'more references'],
    ['Sections 3.1 and 3.2', 'reference lists'],
    ['code at https://github.com/org/repo2024/tree/v1.2.3', 'URLs'],
    ['see arXiv:2206.10883 and doi:10.1145/3411764.3445212', 'identifiers'],
    ['as shown before [36, 60] and [12]', 'citation brackets'],
    ['version v2.0 of the tool', 'versions'],
  ])('ignores %j (%s)', (text) => {
    expect(textsOf(text)).toEqual([]);
  });

  it('keeps a number with a unit right after a reference', () => {
    expect(textsOf('Table 2, 94.2% of cases')).toEqual(['94.2%']);
  });

  it.each([
    ['94.2%', 94.2, 'percent'],
    ['0.94', 0.94, 'plain'],
    ['3,000', 3000, 'plain'],
    ['3k', 3000, 'plain'],
    ['7B', 7e9, 'plain'],
    ['7 billion', 7e9, 'plain'],
    ['1.5×', 1.5, 'times'],
    ['10^6', 1e6, 'plain'],
    ['10⁶', 1e6, 'plain'],
    ['3e-5', 3e-5, 'plain'],
    ['−0.35', 0.35, 'plain'],
  ])('reads %j as %d (%s)', (text, value, unit) => {
    const [mention] = findNumbersInText(`value ${text} here`);
    expect(mention?.value).toBeCloseTo(value, 12);
    expect(mention?.unit).toBe(unit);
  });

  it('reports where each number starts', () => {
    const text = 'We see 12.5% and 40,000 documents.';
    expect(findNumbersInText(text).map((mention) => text.slice(mention.index, mention.index + mention.text.length))).toEqual([
      '12.5%',
      '40,000',
    ]);
  });
});
