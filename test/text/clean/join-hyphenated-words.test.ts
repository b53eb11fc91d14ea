import { describe, expect, it } from 'vitest';
import { joinHyphenatedWords } from '../../../src/text/clean/join-hyphenated-words.js';

describe('joinHyphenatedWords', () => {
  it('joins a word split at a line end and keeps the rest of the next line on its own line', () => {
    const result = joinHyphenatedWords('We test the dehypenisa-\ntion of a short text.');
    expect(result.text).toBe('We test the dehypenisation\nof a short text.');
    expect(result.joined).toBe(1);
  });

  it('keeps the hyphen when the document spells the word with one elsewhere', () => {
    const text = 'a coupled-channel potential\nthe coupled-\nchannel scattering';
    expect(joinHyphenatedWords(text).text).toBe('a coupled-channel potential\nthe coupled-channel\nscattering');
  });

  it('joins when the document spells the word closed elsewhere', () => {
    const text = 'the dataset is large\nthe data-\nset we release';
    expect(joinHyphenatedWords(text).text).toBe('the dataset is large\nthe dataset\nwe release');
  });

  it('keeps the hyphen of compounds: multi-part words and self-/well- words', () => {
    const result = joinHyphenatedWords('state-of-the-\nart models\nwell-\nknown results\nself-\nattention');
    expect(result.text).toBe('state-of-the-art\nmodels\nwell-known\nresults\nself-attention');
    expect(result.keptHyphen).toBe(3);
  });

  it('joins suffixes even after a hyphen-keeping word', () => {
    expect(joinHyphenatedWords('it is large-\nly done').text).toBe('it is largely\ndone');
  });

  it('keeps the hyphen before a capital and joins the lines (non-Hermitian, Self-BLEU)', () => {
    expect(joinHyphenatedWords('makes it non-\nHermitian, even').text).toBe('makes it non-Hermitian,\neven');
  });

  it('moves trailing punctuation with the word and leaves a split at the end of the text alone', () => {
    expect(joinHyphenatedWords('repre-\nsentation.\nNext').text).toBe('representation.\nNext');
    expect(joinHyphenatedWords('dangling-').text).toBe('dangling-');
  });
});
