import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/output/escape-html.js';

describe('escapeHtml', () => {
  it('turns markup and both quote styles into entities, and drops characters XML forbids', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & co`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co');
    expect(escapeHtml('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
    expect(escapeHtml('Schrödinger 🧪 — ∑')).toBe('Schrödinger 🧪 — ∑');
  });
});
