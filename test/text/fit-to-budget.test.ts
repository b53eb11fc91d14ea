import { describe, expect, it } from 'vitest';
import { countTokens } from '../../src/text/count-tokens.js';
import { fitToBudget } from '../../src/text/fit-to-budget.js';

/** A paragraph of about `tokens` tokens whose words name its section, so a test can see where text came from. */
function filler(word: string, tokens: number): string {
  const sentence = `The ${word} section reports careful observations about ${word} in detail. `;
  const sentences = Math.ceil(tokens / countTokens(sentence));
  return Array.from({ length: sentences }, (_unused, index) => (index % 8 === 7 ? `${sentence}\n` : sentence)).join('');
}

function paper(sizes: Record<string, number>): string {
  return [
    'Long Paper Title',
    'Abstract',
    filler('abstract', sizes.abstract ?? 200),
    '1 Introduction',
    filler('introduction', sizes.introduction ?? 1_000),
    '2 Related Work',
    filler('related', sizes.related ?? 2_000),
    '3 Method',
    filler('method', sizes.method ?? 2_000),
    '4 Results',
    filler('results', sizes.results ?? 2_000),
    '5 Conclusion',
    filler('conclusion', sizes.conclusion ?? 300),
    'Acknowledgments',
    filler('acknowledgments', sizes.acknowledgments ?? 300),
    'Appendix A: Extra Results',
    filler('appendix', sizes.appendix ?? 3_000),
  ].join('\n');
}

describe('fitToBudget', () => {
  const text = paper({});
  const total = countTokens(text);

  it('returns the text untouched when it fits', () => {
    const fitted = fitToBudget(text, { maxTokens: total });
    expect(fitted).toMatchObject({ text, tokens: total, truncated: false, dropped: [], needsMapReduce: false });
    expect(fitted.sections.length).toBe(9);
  });

  it('drops the appendix first', () => {
    const fitted = fitToBudget(text, { maxTokens: total - 2_500 });
    expect(fitted.dropped).toEqual(['Appendix A: Extra Results']);
    expect(fitted.truncated).toBe(true);
    expect(fitted.tokens).toBeLessThanOrEqual(total - 2_500);
    expect(fitted.tokens).toBe(countTokens(fitted.text));
    expect(fitted.text).not.toContain('appendix section');
    expect(fitted.text).toContain('conclusion section');
  });

  it('then drops acknowledgments and related work, never the core sections', () => {
    const fitted = fitToBudget(text, { maxTokens: total - 4_000 });
    expect(fitted.dropped).toEqual(['Appendix A: Extra Results', 'Acknowledgments', '2 Related Work']);
    expect(fitted.needsMapReduce).toBe(false);
    for (const core of ['abstract', 'introduction', 'method', 'results', 'conclusion']) {
      expect(fitted.text).toContain(`The ${core} section`);
    }
  });

  it('asks for map-reduce with section-aligned chunks within the budget when the core does not fit', () => {
    const maxTokens = 1_500;
    const fitted = fitToBudget(text, { maxTokens });
    expect(fitted.needsMapReduce).toBe(true);
    expect(fitted.truncated).toBe(true);
    expect(fitted.tokens).toBeLessThanOrEqual(maxTokens);
    const chunks = fitted.chunks ?? [];
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    for (const chunk of chunks) expect(countTokens(chunk)).toBeLessThanOrEqual(maxTokens);
    // Every kept section is in the chunks, in order, and a chunk boundary falls on the Method heading.
    const joined = chunks.join('\n');
    expect(joined.indexOf('3 Method')).toBeLessThan(joined.indexOf('4 Results'));
    expect(chunks.some((chunk) => chunk.startsWith('3 Method'))).toBe(true);
    expect(joined).not.toContain('appendix section');
    expect(joined.replace(/\s+/g, ' ')).toContain(filler('method', 2_000).replace(/\s+/g, ' ').trim());
  });
});
