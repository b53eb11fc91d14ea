import { describe, expect, it } from 'vitest';
import { renderBriefMarkdown } from '../../src/output/render-brief-markdown.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';

describe('renderBriefMarkdown', () => {
  it('links to the arXiv PDF of an ordinary brief', () => {
    const markdown = renderBriefMarkdown(makeSampleBrief());
    expect(markdown).toContain('Published: 2025-01-03  \nLink: https://arxiv.org/pdf/2501.01234v2  \nAuthors: Ada Lovelace');
  });

  it('lets no HTML or foreign link in through the stored paper URL or date', () => {
    const markdown = renderBriefMarkdown(
      makeSampleBrief({
        paper: {
          pdfUrl: 'https://arxiv.org/pdf/1)<img/src=x/onerror=alert(1)>',
          absUrl: 'https://evil.example/abs/2501.01234',
          published: '<b>x</b>2025-01-03',
        },
      }),
    );
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('<b>');
    expect(markdown).toContain('Link: https://arxiv.org/pdf/1)%3Cimg/src=x/onerror=alert(1)%3E');
    expect(markdown).toContain('Published: &lt;b&gt;x&lt;/b&gt;20');
  });

  it('leaves the link out when neither URL is an arXiv https URL', () => {
    const markdown = renderBriefMarkdown(
      makeSampleBrief({ paper: { pdfUrl: 'javascript:alert(1)', absUrl: 'https://evil.example/abs/1' } }),
    );
    expect(markdown).not.toContain('Link:');
    expect(markdown).not.toContain('javascript:');
    expect(markdown).not.toContain('evil.example');
  });

  it("shows the authors' comment, journal, DOI, upvotes and https links, one a line", () => {
    const markdown = renderBriefMarkdown(
      makeSampleBrief({
        paper: {
          comment: '15 pages, accepted at *NeurIPS* 2025',
          journalRef: 'Phys. Rev. D 1, 1 (2025)',
          doi: '10.1103/PhysRevD.1.1',
          upvotes: 42,
          githubRepo: 'https://github.com/example/code',
          projectPage: 'http://example.org/insecure',
        },
      }),
    );
    expect(markdown).toContain(
      'Authors: Ada Lovelace, Alan Turing, Grace Hopper  \nComment: 15 pages, accepted at \\*NeurIPS\\* 2025  \nJournal: Phys. Rev. D 1, 1 (2025)  \n' +
        'DOI: https://doi.org/10.1103/PhysRevD.1.1  \nUpvotes: 42  \nCode: https://github.com/example/code\n',
    );
    expect(markdown).not.toContain('insecure');
  });
});

