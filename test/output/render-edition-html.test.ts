import { describe, expect, it } from 'vitest';
import { renderEditionHtml } from '../../src/output/render-edition-html.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';

const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
// A tiny stand-in PNG renderer keeps these tests fast; the real one is tested in test/output/flowchart.
const fakePng = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 2, 128, 0, 0, 1, 0]);

describe('renderEditionHtml', () => {
  it('shows the header, and per paper the five labelled points, critique, warnings and a quiz with hidden answers', () => {
    const briefs = makeSampleBriefs();
    const { html, files } = renderEditionHtml(
      { date: '2025-01-21', briefs, links: { markdown: '2025-01-21.md', json: '2025-01-21.json', feed: 'https://example.org/feed.xml' } },
      { images: 'inline', renderImage: fakePng },
    );
    expect(files).toEqual([]);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<title>arXiv Brief — 2025-01-21</title>');
    expect(html).toContain('2025-01-21 · 3 papers · <a href="2025-01-21.md"');
    expect(html).toContain('<a href="https://example.org/feed.xml"');
    for (const label of ['📘 Topic and Domain', '💡 Previous Research and New Ideas', '❓ Problem', '🛠️ Methods', '📊 Results and Evaluation']) {
      expect(html.split(label)).toHaveLength(briefs.length + 1);
    }
    expect(html).toContain('<a href="https://arxiv.org/abs/2501.01234v2" style="color:#111827;text-decoration:none;">Sparse Experts for Long-Context Retrieval</a>');
    expect(html).toContain('Ada Lovelace, Alan Turing, Grace Hopper');
    expect(html).toContain('Published 2025-01-09 · physics.ao-ph, cs.LG');
    expect(html).toContain('<li>Evaluated on English only.</li>');
    expect(html).toContain('The number 90 does not appear in the paper text');
    expect(html.match(/<details[^>]*><summary[^>]*>Show answer<\/summary>/g)).toHaveLength(9);
    expect(html).toContain('<strong>B. Retrieval accuracy on long inputs</strong> — The paper targets retrieval');
    expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" width="320" alt="Method workflow: Collect 12k arXiv papers → Split into 512-token chunks;/);
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    expect(html).toContain('max-width:600px');
  });

  it('writes flowcharts as files beside the page when asked, named after date and paper', () => {
    const { html, files } = renderEditionHtml({ date: '2025-01-21', briefs: makeSampleBriefs() }, { images: 'files', renderImage: fakePng });
    expect(files.map((file) => file.name)).toEqual([
      '2025-01-21-2501.01234-flowchart.png',
      '2025-01-21-2501.05678-flowchart.png',
      '2025-01-21-hep-th-9108004-flowchart.png',
    ]);
    expect(files[0]!.bytes).toEqual(fakePng());
    expect(html).toContain('<img src="2025-01-21-hep-th-9108004-flowchart.png"');
    expect(html).not.toContain('data:image');
  });

  it('renders hostile paper and model text as inert text and links only to arXiv over https', () => {
    const hostile = makeSampleBrief({
      paper: { title: HOSTILE_TITLE, authors: ['"><script>alert(2)</script>'], absUrl: 'javascript:alert(3)', pdfUrl: 'https://evil.example/x.pdf' },
      critique: { strengths: ['<a href="javascript:alert(4)">click</a>'], limitations: ['fine'], implications: "it's <b>big</b>" },
      checks: { ungroundedNumbers: [], warnings: ['<iframe src=//evil>'] },
    });
    const { html } = renderEditionHtml(
      { date: '2025-01-21', briefs: [hostile], title: '</title><script>x()</script>', links: { markdown: 'javascript:alert(5)', json: 'http://plain.example/x.json' } },
      { images: 'inline', renderImage: fakePng },
    );
    expect(html).not.toMatch(/<script|<img src=x|<iframe|<b>big|href="javascript|evil\.example|plain\.example/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;a href=&quot;javascript:alert(4)&quot;&gt;click&lt;/a&gt;');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs.filter((href) => !href!.startsWith('#'))).toEqual([]);
  });

  it('is byte-identical for the same edition, real flowchart images included', () => {
    const edition = { date: '2025-01-21', briefs: [makeSampleBrief()] };
    const first = renderEditionHtml(edition, { images: 'inline' });
    expect(first.html).toBe(renderEditionHtml(structuredClone(edition), { images: 'inline' }).html);
    expect(first.html).toContain('data:image/png;base64,iVBORw0KGgo');
  });
});
