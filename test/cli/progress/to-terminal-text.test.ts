import { describe, expect, it } from 'vitest';
import { toTerminalText } from '../../../src/cli/progress/to-terminal-text.js';

describe('toTerminalText', () => {
  it('removes colour codes, cursor moves and window-title sequences', () => {
    expect(toTerminalText('\u001b[1;31mbold red\u001b[0m \u001b[2Aup \u001b]0;title\u0007done \u009b2Kc1')).toBe('bold red up done c1');
  });

  it('turns other control characters into spaces but keeps line breaks unless asked for one line', () => {
    expect(toTerminalText('a\rb\tc\nd')).toBe('a b c\nd');
    expect(toTerminalText('  Deep\n   Learning\r\n', { singleLine: true })).toBe('Deep Learning');
  });

  it('cuts long text with an ellipsis, counting characters rather than UTF-16 units', () => {
    expect(toTerminalText('Quantum Field Theory', { maxLength: 10 })).toBe('Quantum F…');
    expect(toTerminalText('Quantum Field Theory', { maxLength: 9 })).toBe('Quantum…');
    expect(toTerminalText('αβγδε', { maxLength: 5 })).toBe('αβγδε');
    expect(toTerminalText('𝔸𝔹ℂ𝔻𝔼𝔽', { maxLength: 4 })).toBe('𝔸𝔹ℂ…');
  });
});
