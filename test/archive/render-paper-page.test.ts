import { describe, expect, it } from 'vitest';
import { renderPaperPage } from '../../src/archive/render-paper-page.js';
import type { StyleResult } from '../../src/brief/style-result-schema.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';

describe('renderPaperPage', () => {
  it("shows the commentary's picked figure beside the page with its caption as alt text, and where the figures came from", () => {
    const brief = makeSampleBrief();
    const commentary: StyleResult = {
      schemaVersion: 1,
      style: 'commentary',
      language: 'en',
      paper: brief.paper,
      content: { sections: [{ heading: 'Where it sits', paragraphs: ['Against earlier work.'] }], figures: [{ number: 2, why: 'It shows the <main> result.' }] },
      checks: brief.checks,
      generation: brief.generation,
      figures: { source: 'html', shown: [{ number: 2, caption: 'Accuracy "against" size.', file: '2501.01234v2.figures/figure-2.png' }] },
    };
    const html = renderPaperPage(brief, { editions: [], hasFlowchartImage: false, styles: [commentary] });
    expect(html).toContain('<figure><img src="2501.01234v2.figures/figure-2.png" alt="Accuracy &quot;against&quot; size."');
    expect(html).toContain('<figcaption>Figure 2: Accuracy &quot;against&quot; size.</figcaption></figure>\n<p><strong>Figure 2.</strong> It shows the &lt;main&gt; result.</p>');
    expect(html).toContain("Figures from arXiv&#39;s HTML rendering of the paper.");
  });

  it('shows the five points, the flowchart, the critique, the quiz with hidden answers, arXiv links and its editions', () => {
    const html = renderPaperPage(makeSampleBrief(), { editions: ['2025-01-21', '2025-01-20'], hasFlowchartImage: true });
    for (const label of ['📘 Topic and Domain', '💡 Previous Research and New Ideas', '❓ Problem', '🛠️ Methods', '📊 Results and Evaluation']) {
      expect(html).toContain(`<p class="point-label">${label}</p>`);
    }
    // At its natural size (1x of the 2x PNG), which the stylesheet caps in height.
    expect(html).toContain('<a href="2501.01234v2.flowchart.svg"><img src="2501.01234v2.flowchart.png" width="404" height="654" alt="Method workflow: Collect 12k arXiv papers → Split');
    expect(html).toContain('<details class="abstract"><summary>arXiv abstract</summary><p>We route long documents through sparse experts');
    expect(html).toContain('<meta name="description" content="Routing long documents through 16 sparse experts raises LongBench recall@10 from 61.2 to 68.9 at equal compute.">');
    expect(html).toContain('<meta property="og:title" content="Sparse Experts for Long-Context Retrieval — arXiv Brief">');
    expect(html).toContain('<li>Clear ablations over the number of experts.</li>');
    expect(html.match(/<details class="answer"><summary><span class="when-closed">Show answer<\/span><span class="when-open">Hide answer<\/span><\/summary>/g)).toHaveLength(3);
    expect(html).toContain('<p><strong>B. Retrieval accuracy on long inputs</strong> — The paper targets retrieval');
    expect(html).toContain('<a href="https://arxiv.org/abs/2501.01234v2">arXiv:2501.01234v2</a> · <a href="https://arxiv.org/pdf/2501.01234v2">PDF</a>');
    expect(html).toContain('In the editions of <a href="../digests/2025-01-21.html">2025-01-21</a>, <a href="../digests/2025-01-20.html">2025-01-20</a>');
    expect(html).toContain('<link rel="stylesheet" href="../assets/archive.css">');
  });

  it('publishes its 👍/👎 form hidden and unsigned, the same for every reader: the script signs it from the email link', () => {
    const html = renderPaperPage(makeSampleBrief(), { editions: [], hasFlowchartImage: false });
    expect(html).toContain(
      '<form class="reader-feedback" method="post" data-action="../feedback" data-paper="2501.01234" hidden><button type="submit" data-vote="up">👍 More like this</button> <button type="submit" data-vote="down">👎 Fewer like this</button></form>',
    );
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="../assets/reader-feedback.js">']);
  });

  it('shows the optional metadata, linking only https addresses', () => {
    const brief = makeSampleBrief({
      paper: {
        comment: '15 pages, accepted at <NeurIPS> 2025',
        journalRef: 'Phys. Rev. D 1, 1 (2025)',
        doi: '10.1103/PhysRevD.1.1',
        upvotes: 42,
        githubRepo: 'http://github.com/example/insecure',
        projectPage: 'https://example.org/project',
      },
    });
    const html = renderPaperPage(brief, { editions: [], hasFlowchartImage: false });
    expect(html).toContain('<dt>Comment</dt><dd>15 pages, accepted at &lt;NeurIPS&gt; 2025</dd>');
    expect(html).toContain('<dt>Journal</dt><dd>Phys. Rev. D 1, 1 (2025)</dd>');
    expect(html).toContain('<dt>DOI</dt><dd><a href="https://doi.org/10.1103/PhysRevD.1.1">10.1103/PhysRevD.1.1</a></dd>');
    expect(html).toContain('<dt>Upvotes</dt><dd><a href="https://huggingface.co/papers/2501.01234">42 on Hugging Face</a></dd>');
    expect(html).toContain('<dt>Code</dt><dd>http://github.com/example/insecure</dd>');
    expect(html).toContain('<dt>Project page</dt><dd><a href="https://example.org/project">https://example.org/project</a></dd>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('In the edition');
  });

  it('shows the checks to make before relying on the brief, and nothing for a brief without them', () => {
    const [, withWarning] = makeSampleBriefs();
    expect(renderPaperPage(withWarning!, { editions: [], hasFlowchartImage: true })).toContain(
      '<div class="warning"><strong>⚠️ Check before relying on this brief</strong><ul><li>The number 90 does not appear',
    );
    expect(renderPaperPage(makeSampleBrief(), { editions: [], hasFlowchartImage: true })).not.toContain('class="warning"');
  });

  it('escapes every text from the paper or the model, and drops links that are not arXiv', () => {
    const brief = makeSampleBrief({
      paper: { title: '<img src=x onerror=alert(1)>', authors: ['"><script>alert(2)</script>'], absUrl: 'https://evil.example/abs/1' },
      critique: { strengths: ['<b>bold</b>'], limitations: ["it's & fine"], implications: '</p><script>x</script>' },
    });
    const html = renderPaperPage(brief, { editions: ['2025-01-21'], hasFlowchartImage: true });
    expect(html).toContain('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('<ul><li>&lt;b&gt;bold&lt;/b&gt;</li></ul>');
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="../assets/reader-feedback.js">']);
    expect(html).not.toContain('evil.example');
  });
});
