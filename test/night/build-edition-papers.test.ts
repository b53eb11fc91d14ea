import { describe, expect, it } from 'vitest';
import type { Brief, PaperMetadata } from '../../src/brief/brief-schema.js';
import { buildEditionPapers } from '../../src/night/build-edition-papers.js';
import { rankPapers } from '../../src/rank/rank-papers.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';

describe('buildEditionPapers', () => {
  const briefs = ['1', '2', '3'].map((id) => makeSampleBrief({ paper: { id, upvotes: Number(id) * 10 } }) as Brief);
  const papers: PaperMetadata[] = briefs.map((brief) => brief.paper);

  it('lists the papers with a brief in rank order, each with why it was picked', () => {
    const ranked = rankPapers(papers, { method: 'upvotes' });
    const chosen = ranked.map((candidate) => candidate.paper);
    const written = new Map([papers[0]!, papers[2]!].map((paper, index) => [paper, briefs[index === 0 ? 0 : 2]!]));

    expect(buildEditionPapers(chosen, written, ranked).map(({ brief, reason }) => [brief.paper.id, reason])).toEqual([
      ['3', '30 upvotes'],
      ['1', '10 upvotes'],
    ]);
  });

  it('leaves the reason out when the run did not rank', () => {
    const written = new Map(papers.map((paper, index) => [paper, briefs[index]!]));
    expect(buildEditionPapers(papers, written, undefined)).toEqual(briefs.map((brief) => ({ brief })));
  });
});
