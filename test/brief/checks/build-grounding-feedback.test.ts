import { describe, expect, it } from 'vitest';
import { buildGroundingFeedback } from '../../../src/brief/checks/build-grounding-feedback.js';

describe('buildGroundingFeedback', () => {
  it('lists every number, one a line, and asks for the full JSON again', () => {
    const feedback = buildGroundingFeedback(['97.3%', '12k', '4.5×']);
    expect(feedback.split('\n').filter((line) => line.startsWith('- '))).toEqual(['- 97.3%', '- 12k', '- 4.5×']);
    expect(feedback).toMatch(/do not occur in the paper/);
    expect(feedback).toMatch(/correct|value .* the paper gives/i);
    expect(feedback).toMatch(/remove/);
    expect(feedback).toMatch(/complete JSON object/);
  });

  it('is stable text, so the prompt cache and the recorded runs stay comparable', () => {
    expect(buildGroundingFeedback(['97.3%'])).toMatchInlineSnapshot(`
      "These numbers in your brief do not occur in the paper text:
      - 97.3%

      Check each one against the paper. If the paper reports a different value, use the value exactly as the paper gives it; if the paper does not support the claim, remove the number or the claim. Do not add numbers that the paper does not contain.
      Answer again with the complete JSON object, every field included, in the same format as before."
    `);
  });

  it('is empty when there is nothing to repair', () => {
    expect(buildGroundingFeedback([])).toBe('');
  });
});
