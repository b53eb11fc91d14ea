import { describe, expect, it } from 'vitest';
import { combineAccents } from '../../../src/text/clean/combine-accents.js';

describe('combineAccents', () => {
  it('recombines TeX accents printed before the letter', () => {
    const result = combineAccents('Schr¨odinger, Lemaˆıtre, M¨unchen, Kat¯o, Andr´e');
    expect(result.text).toBe('Schrödinger, Lemaître, München, Katō, André');
    expect(result.combined).toBe(5);
  });

  it('recombines an accent printed after the last letter of a word', () => {
    expect(combineAccents('caf e´ and Andre´ left').text).toBe('caf é and André left');
  });

  it('puts a physics bar on its letter even across a TAB (K̄N)', () => {
    expect(combineAccents('the ¯\tKN channel').text).toBe('the K\u0304N channel');
  });

  it('leaves backtick quotes and lone diacritics alone', () => {
    expect(combineAccents("``quoted'' text and a ¨ sign").text).toBe("``quoted'' text and a ¨ sign");
  });

  it('combines a grave accent inside a word', () => {
    expect(combineAccents('probl`eme').text).toBe('problème');
  });
});
