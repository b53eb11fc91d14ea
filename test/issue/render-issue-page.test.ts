import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderIssuePage } from '../../src/issue/render-issue-page.js';
import { makeSampleIssue, SAMPLE_ISSUE_FIGURE } from '../helpers/sample-issue.js';

describe('renderIssuePage', () => {
  it('reads as a newsletter: a contents list jumping to each paper, each with its authors, arXiv link and figures', () => {
    const page = parse(renderIssuePage(makeSampleIssue(3)));

    expect(page.querySelector('h2.contents-heading')?.text).toBe('In this issue');
    const entries = page.querySelectorAll('ol.contents li a').map((link) => [link.getAttribute('href'), link.text]);
    expect(entries).toEqual([1, 2, 3].map((number) => [`#paper-${number}`, `Commentary paper ${number}`]));
    const articles = page.querySelectorAll('article.issue-paper');
    expect(articles.map((article) => article.id)).toEqual(['paper-1', 'paper-2', 'paper-3']);
    for (const [index, article] of articles.entries()) {
      expect(article.querySelector('h2 a')?.getAttribute('href')).toBe(`../papers/2509.${20_000 + index}v1.html`);
      const byline = article.querySelector('p.byline');
      expect(byline?.text).toBe(`Author ${index + 1}A, Author ${index + 1}B · arXiv:2509.${20_000 + index}v1`);
      expect(byline?.querySelector('a')?.getAttribute('href')).toBe(`https://arxiv.org/abs/2509.${20_000 + index}v1`);
    }
    expect(articles[0]!.querySelector('figure img')?.getAttribute('src')).toBe(`../papers/${SAMPLE_ISSUE_FIGURE}`);
  });
});
