import { describe, expect, it } from 'vitest';
import { renderIssueMarkdown } from '../../src/issue/render-issue-markdown.js';
import { makeSampleIssue } from '../helpers/sample-issue.js';

describe('renderIssueMarkdown', () => {
  it('reads as a newsletter: a contents list after the introduction, then each paper with its authors and arXiv link', () => {
    const markdown = renderIssueMarkdown(makeSampleIssue(3));

    expect(markdown).toContain('A month of careful evaluations.\n\n**In this issue**\n\n1. Commentary paper 1\n2. Commentary paper 2\n3. Commentary paper 3\n');
    for (const index of [0, 1, 2]) {
      const id = `2509.${20_000 + index}v1`;
      expect(markdown).toContain(`## [Commentary paper ${index + 1}](https://arxiv.org/abs/${id})\n\nAuthor ${index + 1}A, Author ${index + 1}B · [arXiv:${id}](https://arxiv.org/abs/${id})\n`);
    }
  });
});
