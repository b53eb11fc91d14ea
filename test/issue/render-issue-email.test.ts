import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/issue/issue.js';
import { renderIssueEmail } from '../../src/issue/render-issue-email.js';
import { EMAIL_HTML_MAX_BYTES, measureSentBytes } from '../../src/mail/render-email-edition.js';
import { StyleResultSchema } from '../../src/brief/style-result-schema.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';

// A commentary at its longest, 1,200 words in four sections.
const SENTENCE = 'The evaluation is careful about which numbers the summaries may repeat and which they may not. ';
const commentary = { sections: ['Where it sits', 'What convinces', 'What does not', 'Open questions'].map((heading) => ({ heading, paragraphs: [SENTENCE.repeat(18), SENTENCE.repeat(18)] })), figures: [] };

function makeIssue(count: number): Issue {
  const papers = Array.from({ length: count }, (_, index) => {
    const brief = makeSampleBrief({ paper: { id: `2509.${String(20_000 + index)}`, title: `Commentary paper ${index + 1}` } });
    const text = StyleResultSchema.parse({ schemaVersion: 1, style: 'commentary', language: 'en', paper: brief.paper, content: commentary, checks: { ungroundedNumbers: [], warnings: [] }, generation: brief.generation });
    return { brief, text };
  });
  const introduction = { text: 'A month of careful evaluations.', checks: { ungroundedNumbers: [], warnings: [] }, model: 'gpt-5-mini', promptVersion: 'p1', generatedAt: '2025-10-01T06:00:00.000Z', usage: papers[0]!.brief.generation.usage, costUsd: 0.001 };
  return {
    record: { schemaVersion: 1, period: '2025-09', title: 'September 2025', style: 'commentary', language: 'en', papers: papers.map(({ brief }) => ({ stem: `${brief.paper.id}v1`, id: brief.paper.id, version: 1, title: brief.paper.title })), introduction },
    papers,
  };
}

describe('renderIssueEmail', () => {
  it('keeps 20 commentaries under Gmail\'s clipping size as sent: papers in full while they fit, then the rest as linked titles', () => {
    const email = renderIssueEmail(makeIssue(20), { publicUrl: 'https://brief.example.org' });

    expect(measureSentBytes(email.html)).toBeLessThan(EMAIL_HTML_MAX_BYTES);
    expect(email.shownInFull).toBeGreaterThan(0);
    expect(email.shownInFull).toBeLessThan(20);
    expect(email.html).toContain('More in this issue');
    expect(email.html).toMatch(/<li><a href="https:\/\/brief\.example\.org\/papers\/2509\.20019v2\.html"[^>]*>Commentary paper 20<\/a><\/li>/);
    expect(email.html).toContain('https://brief.example.org/issues/2025-09.html');
  });

  it('shows every paper in full when they fit, with no list of the rest', () => {
    const email = renderIssueEmail(makeIssue(2));
    expect(email.shownInFull).toBe(2);
    expect(email.html).not.toContain('More in this issue');
  });
});
