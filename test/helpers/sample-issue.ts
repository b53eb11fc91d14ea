import type { Issue } from '../../src/issue/issue.js';
import { StyleResultSchema } from '../../src/brief/style-result-schema.js';
import { makeSampleBrief } from './sample-brief.js';

// A commentary at its longest, 1,200 words in four sections.
const SENTENCE = 'The evaluation is careful about which numbers the summaries may repeat and which they may not. ';

/** The file of the first paper's figure 2, relative to `papers/`, as the figures step stores it. */
export const SAMPLE_ISSUE_FIGURE = '2509.20000v1.figures/figure-2.png';

/**
 * A month's issue of `count` commentaries, paper n titled "Commentary paper n" with its own arXiv ID, link and
 * authors; the first shows its figure 2 (SAMPLE_ISSUE_FIGURE).
 */
export function makeSampleIssue(count: number): Issue {
  const papers = Array.from({ length: count }, (_, index) => {
    const id = `2509.${String(20_000 + index)}`;
    const brief = makeSampleBrief({
      paper: { id, version: 1, title: `Commentary paper ${index + 1}`, authors: [`Author ${index + 1}A`, `Author ${index + 1}B`], absUrl: `https://arxiv.org/abs/${id}v1`, pdfUrl: `https://arxiv.org/pdf/${id}v1` },
    });
    const figures = index === 0 ? [{ number: 2, why: 'The ablation over experts, where most of the gain shows.' }] : [];
    const content = { sections: ['Where it sits', 'What convinces', 'What does not', 'Open questions'].map((heading) => ({ heading, paragraphs: [SENTENCE.repeat(18), SENTENCE.repeat(18)] })), figures };
    const text = StyleResultSchema.parse({
      schemaVersion: 1,
      style: 'commentary',
      language: 'en',
      paper: brief.paper,
      content,
      checks: { ungroundedNumbers: [], warnings: [] },
      generation: brief.generation,
      ...(index === 0 ? { figures: { source: 'pdf', shown: [{ number: 2, caption: 'Recall against the number of experts.', file: SAMPLE_ISSUE_FIGURE }] } } : {}),
    });
    return { brief, text };
  });
  const introduction = { text: 'A month of careful evaluations.', checks: { ungroundedNumbers: [], warnings: [] }, model: 'gpt-5-mini', promptVersion: 'p1', generatedAt: '2025-10-01T06:00:00.000Z', usage: papers[0]!.brief.generation.usage, costUsd: 0.001 };
  return {
    record: { schemaVersion: 1, period: '2025-09', title: 'September 2025', style: 'commentary', language: 'en', papers: papers.map(({ brief }) => ({ stem: `${brief.paper.id}v1`, id: brief.paper.id, version: 1, title: brief.paper.title })), introduction },
    papers,
  };
}
