import { describe, expect, it } from 'vitest';
import type { Edition } from '../../src/edition/edition.js';
import { EMAIL_HTML_MAX_BYTES, measureSentBytes, renderEmailEdition } from '../../src/mail/render-email-edition.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';

const PUBLIC_URL = 'https://news.example.org/brief';

function makeEdition(count: number): Edition {
  return {
    date: '2025-01-31',
    papers: Array.from({ length: count }, (_, index) => {
      const id = `2501.${String(10_000 + index)}`;
      return {
        brief: makeSampleBrief({ paper: { id, version: 1, title: `Paper ${index + 1} on sparse experts`, absUrl: `https://arxiv.org/abs/${id}v1`, pdfUrl: `https://arxiv.org/pdf/${id}v1` } }),
        reason: `matches: retrieval (${index + 1})`,
      };
    }),
  };
}

describe("renderEmailEdition with a reader's copy", () => {
  it('shows their picks first in their order, each with its reason line, then the "outside your usual" pick, the rest under "Also today"', () => {
    const edition = makeEdition(5);
    const copy = {
      picks: [
        { paperId: '2501.10002', reason: 'like Graph Transformers at Scale', explore: false },
        { paperId: '2501.10004', reason: 'popular today', explore: true },
        { paperId: '2501.10000', reason: 'from Ada Lovelace', explore: false },
      ],
    };

    const email = renderEmailEdition(edition, { publicUrl: PUBLIC_URL, copy });

    const titles = [...email.html.matchAll(/<h2 class="title"[^>]*><a [^>]*>([^<]+)<\/a><\/h2>/g)].map((match) => match[1]);
    expect(titles).toEqual(['1. Paper 3 on sparse experts', '2. Paper 1 on sparse experts', '3. Paper 5 on sparse experts']);
    expect(email.html).toMatch(/<p class="reason"[^>]*>like Graph Transformers at Scale<\/p>/);
    expect(email.html).toMatch(/<p class="reason"[^>]*>Outside your usual · popular today<\/p>/);
    const marked = renderEmailEdition(edition, { publicUrl: PUBLIC_URL, copy: { picks: [{ paperId: '2501.10001', reason: 'outside your usual', explore: true }] } });
    expect(marked.html).toMatch(/<p class="reason"[^>]*>Outside your usual<\/p>/);
    // The shared reason is the edition's, not theirs.
    expect(email.html).not.toContain('Why picked');
    expect(email.html).toMatch(/>Also today<\/h2><ol start="4"[^>]*>\s*<li><a [^>]*>Paper 2 on sparse experts<\/a><\/li>\s*<li><a [^>]*>Paper 4 on sparse experts<\/a><\/li>/);
    expect(email.text).toContain('1. Paper 3 on sparse experts\n   like Graph Transformers at Scale\n');
    expect(email.text).toMatch(/Also today:\n\n4\. Paper 2 on sparse experts\n/);
    expect(email.shownInFull).toBe(3);
  });

  it('keeps a copy of 300 papers with 40 picks under 100,000 bytes as sent, every paper named', () => {
    const edition = makeEdition(300);
    const picks = Array.from({ length: 40 }, (_, index) => ({ paperId: `2501.${String(10_299 - index * 7)}`, reason: `like a paper you liked, number ${index}`, explore: index === 5 }));

    const email = renderEmailEdition(edition, { publicUrl: PUBLIC_URL, copy: { picks } });

    expect(measureSentBytes(email.html)).toBeLessThan(EMAIL_HTML_MAX_BYTES);
    expect(email.shownInFull).toBeGreaterThan(10);
    for (const paper of edition.papers) expect(email.text).toContain(paper.brief.paper.title);
  });
});
