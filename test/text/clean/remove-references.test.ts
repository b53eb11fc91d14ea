import { describe, expect, it } from 'vitest';
import { removeReferences } from '../../../src/text/clean/remove-references.js';

const BODY = Array.from({ length: 30 }, (_unused, index) => `Body sentence number ${index} about the method.`).join('\n');

function entries(count: number, style: 'bracket' | 'dot'): string {
  return Array.from({ length: count }, (_unused, index) =>
    style === 'bracket'
      ? `[${index + 1}] A. Author and B. Writer, Phys. Rev. C ${index + 10}, 1${index} (2008).`
      : `${index + 1}. J. Goldstone, unpublished notes on group ${index}, 1991.`,
  ).join('\n');
}

describe('removeReferences', () => {
  it('cuts from the last References heading to the end', () => {
    const result = removeReferences(`${BODY}\n7 Conclusion\nWe conclude.\nReferences\n${entries(6, 'bracket')}`);
    expect(result.removed).toBe(true);
    expect(result.method).toBe('heading');
    expect(result.text).toBe(`${BODY}\n7 Conclusion\nWe conclude.\n`);
    expect(result.referencesChars).toBeGreaterThan(300);
  });

  it('keeps lettered appendices after the reference list', () => {
    const appendix = 'A Dataset release\nWe release the data.\nB Annotation guidelines\nAnnotators read cases.';
    const result = removeReferences(`${BODY}\nREFERENCES\n${entries(8, 'bracket')}\n${appendix}`);
    expect(result.text).toBe(`${BODY}\n${appendix}`);
    expect(result.appendixChars).toBe(appendix.length);
  });

  it('does not take a reference line starting with a capital A for an appendix', () => {
    const references = `${entries(5, 'bracket')}\nA J Moser, and Tara S. Kent. 2016. Assessing the Accuracy.`;
    const result = removeReferences(`${BODY}\nReferences\n${references}`);
    expect(result.text).toBe(`${BODY}\n`);
  });

  it('finds a REVTeX list without heading by its [1], [2], … entries, keeping the appendix before it', () => {
    const text = `${BODY}\nAppendix A: Scattering solutions\nThe solution is unique.\n${entries(12, 'bracket')}`;
    const result = removeReferences(text);
    expect(result.method).toBe('numbered-list');
    expect(result.text).toBe(`${BODY}\nAppendix A: Scattering solutions\nThe solution is unique.\n`);
  });

  it('finds a `1. J. Author` list without heading', () => {
    expect(removeReferences(`${BODY}\n${entries(7, 'dot')}`).method).toBe('numbered-list');
  });

  it('leaves a paper alone when there is no list, or only a short citation-like run', () => {
    const text = `${BODY}\n[1] is cited here.\n[2] and here.`;
    expect(removeReferences(text)).toMatchObject({ removed: false, text });
  });

  it('ignores a References line in the table of contents at the front', () => {
    const text = `Contents\nReferences\n${BODY}\n${BODY}`;
    expect(removeReferences(text).removed).toBe(false);
  });
});
