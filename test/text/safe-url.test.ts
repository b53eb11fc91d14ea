import { describe, expect, it } from 'vitest';
import { ARXIV_HOSTS, safeUrl } from '../../src/text/safe-url.js';

describe('safeUrl', () => {
  it('keeps https links to arXiv', () => {
    expect(safeUrl('https://arxiv.org/abs/2501.01234v2', ARXIV_HOSTS)).toBe('https://arxiv.org/abs/2501.01234v2');
    expect(safeUrl(' https://export.arxiv.org/api/query?id_list=1 ', ARXIV_HOSTS)).toBe('https://export.arxiv.org/api/query?id_list=1');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://arxiv.org/abs/1',
    'https://arxiv.org.evil.example/abs/1',
    'https://evil.example/?arxiv.org',
    'https://user:pass@arxiv.org/abs/1',
    '//arxiv.org/abs/1',
    '',
    'not a url',
  ])('rejects %j', (url) => {
    expect(safeUrl(url, ARXIV_HOSTS)).toBeNull();
    expect(safeUrl(url, ARXIV_HOSTS, { allowRelative: true })).toBeNull();
  });

  it('accepts relative references and any https host only when asked', () => {
    expect(safeUrl('2025-01-21.md', ARXIV_HOSTS)).toBeNull();
    expect(safeUrl('2025-01-21.md', ARXIV_HOSTS, { allowRelative: true })).toBe('2025-01-21.md');
    expect(safeUrl('feeds/atom.xml', 'any', { allowRelative: true })).toBe('feeds/atom.xml');
    expect(safeUrl('https://example.org/feed.xml', 'any')).toBe('https://example.org/feed.xml');
    expect(safeUrl('javascript:alert(1)', 'any', { allowRelative: true })).toBeNull();
  });
});
