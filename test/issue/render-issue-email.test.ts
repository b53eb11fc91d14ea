import { describe, expect, it } from 'vitest';
import { renderIssueEmail } from '../../src/issue/render-issue-email.js';
import { EMAIL_HTML_MAX_BYTES, measureSentBytes } from '../../src/mail/render-email-edition.js';
import { makeSampleIssue, SAMPLE_ISSUE_FIGURE } from '../helpers/sample-issue.js';

const PUBLIC_URL = 'https://brief.example.org';

describe('renderIssueEmail', () => {
  it('keeps 20 commentaries under Gmail\'s clipping size as sent: papers in full while they fit, then the rest as linked titles', () => {
    const email = renderIssueEmail(makeSampleIssue(20), { publicUrl: PUBLIC_URL });

    expect(measureSentBytes(email.html)).toBeLessThan(EMAIL_HTML_MAX_BYTES);
    expect(email.shownInFull).toBeGreaterThan(0);
    expect(email.shownInFull).toBeLessThan(20);
    expect(email.html).toContain('More in this issue');
    expect(email.html).toMatch(/<li><a href="https:\/\/brief\.example\.org\/papers\/2509\.20019v1\.html"[^>]*>Commentary paper 20<\/a><\/li>/);
    expect(email.html).toContain('https://brief.example.org/issues/2025-09.html');
  });

  it('shows every paper in full when they fit, with no list of the rest', () => {
    const email = renderIssueEmail(makeSampleIssue(2));
    expect(email.shownInFull).toBe(2);
    expect(email.html).not.toContain('More in this issue');
  });

  it('reads as a newsletter: a contents list of every paper, then each with its authors and arXiv link', () => {
    const email = renderIssueEmail(makeSampleIssue(20), { publicUrl: PUBLIC_URL });

    const contents = /<h2 class="contents-heading"[^>]*>In this issue<\/h2><ol class="contents"[^>]*>(.*?)<\/ol>/s.exec(email.html)?.[1] ?? '';
    const entries = [...contents.matchAll(/<li[^>]*><a href="([^"]+)"[^>]*>([^<]+)<\/a><\/li>/g)].map((match) => [match[1], match[2]]);
    expect(entries.map(([, title]) => title)).toEqual(Array.from({ length: 20 }, (_, index) => `Commentary paper ${index + 1}`));
    // A paper shown in full is a jump down the message; one left for the web, its page.
    expect(entries[0]![0]).toBe('#paper-1');
    expect(email.html).toMatch(/<td class="card"[^>]*id="paper-1"|<td[^>]*id="paper-1"[^>]*class="card"/);
    expect(entries[19]![0]).toBe('https://brief.example.org/papers/2509.20019v1.html');
    for (let index = 0; index < email.shownInFull; index += 1) {
      expect(email.html).toContain(`Author ${index + 1}A, Author ${index + 1}B`);
      expect(email.html).toMatch(new RegExp(`<a href="https://arxiv\\.org/abs/2509\\.${20_000 + index}v1"[^>]*>arXiv:2509\\.${20_000 + index}v1</a>`));
    }
    expect(email.text).toContain('In this issue:\n1. Commentary paper 1\n2. Commentary paper 2\n');
    expect(email.text).toContain('Commentary paper 1\nAuthor 1A, Author 1B · arXiv:2509.20000v1 https://arxiv.org/abs/2509.20000v1\n');
  });

  it('shows a paper\'s figures from the public URL, and none without one (the figure\'s paragraph stays)', () => {
    const published = renderIssueEmail(makeSampleIssue(2), { publicUrl: PUBLIC_URL });
    expect(published.html).toMatch(new RegExp(`<img [^>]*src="${PUBLIC_URL}/papers/${SAMPLE_ISSUE_FIGURE.replaceAll('.', '\\.')}"[^>]*alt="Recall against the number of experts\\."`));
    expect(published.html).toContain('Figure 2: Recall against the number of experts.');

    const local = renderIssueEmail(makeSampleIssue(2));
    expect(local.html).not.toContain('<img');
    expect(local.html).toContain('The ablation over experts, where most of the gain shows.');
    expect(local.images).toEqual([]);
  });
});
