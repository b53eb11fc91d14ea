import { describe, expect, it } from 'vitest';
import { renderEditionPage } from '../../src/archive/render-edition-page.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';

describe('renderEditionPage', () => {
  const [retrieval, nowcasting, entanglement] = makeSampleBriefs();
  const edition = {
    date: '2025-01-21',
    papers: [{ brief: retrieval!, reason: 'matches: retrieval, long context' }, { brief: nowcasting! }, { brief: entanglement! }],
  };

  it('lists each paper with its five points, why it was picked, and a link to its page; no images', () => {
    const html = renderEditionPage(edition);
    expect(html).toContain('<h1>arXiv Brief — 2025-01-21</h1>');
    expect(html).toContain('3 papers · <a href="2025-01-21.md">Markdown</a> · <a href="2025-01-21.json">JSON</a>');
    expect(html).toContain('<h2><a href="../papers/2501.01234v2.html">Sparse Experts for Long-Context Retrieval</a></h2>');
    expect(html).toContain('<a href="../papers/hep-th_9108004v1.html">Full brief, flowchart and quiz →</a>');
    // "In this issue": numbered titles, each with its TLDR (a brief older than TLDRs shows its first point), linking to its card.
    expect(html).toContain('<h2 class="contents-heading">In this issue</h2>');
    expect(html).toContain(
      '<ol class="contents"><li><a href="#paper-1">Sparse Experts for Long-Context Retrieval</a><br><span class="tldr">Routing long documents through 16 sparse experts raises LongBench recall@10 from 61.2 to 68.9 at equal compute.</span></li><li><a href="#paper-2">',
    );
    expect(html).toContain('<a href="#paper-3">A Toy Model of Boundary Entanglement</a><br><span class="tldr">Entanglement entropy of boundary degrees of freedom');
    expect(html).toContain('<article class="card" id="paper-3">');
    expect(html.match(/Why picked:/g)).toHaveLength(1);
    expect(html).toContain('<p class="reason"><strong>Why picked:</strong> matches: retrieval, long context</p>');
    expect(html.match(/<p class="point-label">/g)).toHaveLength(15);
    expect(html).toContain('⚠️ 1 point to check before relying on this brief');
    expect(html).not.toMatch(/<img|data:|<script|<details/);
  });

  it("lists the papers shown in full before under \"Also on today's list\", each linking its page and the edition that showed it", () => {
    const repeats = [{ id: '2501.00001', version: 3, title: 'An older <script>paper</script>', firstShown: '2025-01-20' }];
    const html = renderEditionPage({ ...edition, repeats });
    expect(html).toContain('3 papers · 1 more on the list, shown in an earlier edition · <a href="2025-01-21.md">');
    expect(html).toContain("<h2>Also on today&#39;s list</h2>");
    expect(html).toContain('<li><a href="../papers/2501.00001v3.html">An older &lt;script&gt;paper&lt;/script&gt;</a> <span class="muted">· first shown <a href="2025-01-20.html">2025-01-20</a></span></li>');
    // Not a card of its own, and not in the contents: only the papers in full are.
    expect(html.match(/<article class="card"/g)).toHaveLength(3);
    expect(html).not.toContain('<script>paper');
  });

  it('is the same bytes for the same edition', () => {
    expect(renderEditionPage(edition)).toBe(renderEditionPage(structuredClone(edition)));
  });

  it('says so for a day without papers, and escapes a hostile title and reason', () => {
    expect(renderEditionPage({ date: '2025-01-22', papers: [] })).toContain('0 papers');
    const hostile = makeSampleBrief({ paper: { title: '<img src=x onerror=alert(1)>' } });
    const html = renderEditionPage({ date: '2025-01-22', papers: [{ brief: hostile, reason: '<script>alert(2)</script>' }] });
    expect(html).toContain('>&lt;img src=x onerror=alert(1)&gt;</a></h2>');
    expect(html).not.toMatch(/<img|<script>alert/);
  });
});
