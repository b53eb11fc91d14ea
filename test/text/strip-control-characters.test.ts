import { describe, expect, it } from 'vitest';
import { stripControlCharacters } from '../../src/text/strip-control-characters.js';

describe('stripControlCharacters', () => {
  it('removes every character of the documented range and nothing else', () => {
    const removed = [
      ...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => code !== 0x09 && code !== 0x0a),
      ...Array.from({ length: 0x21 }, (_, offset) => 0x7f + offset),
      0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff,
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
    ].map((code) => String.fromCodePoint(code));
    expect(stripControlCharacters(`a${removed.join('')}b`)).toBe('ab');
    expect(stripControlCharacters('tab\there\nnew line, café, ∑, 😀')).toBe('tab\there\nnew line, café, ∑, 😀');
  });

  it('keeps the zero-width joiners inside emoji sequences (👩‍🔬, 🏳️‍🌈, 👩🏽‍💻) and removes them elsewhere', () => {
    const emoji = ['👩\u200D🔬', '🏳\uFE0F\u200D🌈', '👩🏽\u200D💻', '🧑\u200D🤝\u200D🧑'];
    for (const sequence of emoji) expect(stripControlCharacters(`a scientist ${sequence} here`)).toBe(`a scientist ${sequence} here`);
    expect(stripControlCharacters('in\u200Dvisible, 👩\u200D, \u200D🔬, x\u200D🔬')).toBe('invisible, 👩, 🔬, x🔬');
  });

  it('can drop tabs and newlines too, and put a space in place of each character', () => {
    expect(stripControlCharacters('a\tb\nc\u202Ed', { keepTabs: false, keepNewlines: false, replacement: ' ' })).toBe('a b c d');
  });
});
