import { describe, expect, it } from 'vitest';
import type { PeriodBrief } from '../../src/issue/collect-period-briefs.js';
import { parseInterests } from '../../src/rank/parse-interests.js';
import { rankPeriodBriefs } from '../../src/issue/rank-period-briefs.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';

// Four days of three papers each, in their editions' order; no upvotes, as from arXiv's lists.
const briefs: PeriodBrief[] = ['2025-09-01', '2025-09-08', '2025-09-15', '2025-09-22'].flatMap((date, day) =>
  [0, 1, 2].map((place) => {
    const brief = makeSampleBrief({ paper: { id: `2509.${String(10_000 + day * 10 + place)}`, title: `Day ${day + 1} paper ${place + 1}${day === 3 && place === 2 ? ' on protein folding' : ''}` } });
    const { upvotes: _upvotes, ...paper } = brief.paper;
    return { brief: { ...brief, paper }, date };
  }),
);
const titles = (chosen: PeriodBrief[]) => chosen.map((entry) => entry.brief.paper.title);

describe('rankPeriodBriefs', () => {
  it('by date, takes each day\'s best in turn, so the top of a month spans the month', () => {
    const { chosen, method } = rankPeriodBriefs(briefs, { top: 6 });
    expect(method).toBe('date');
    expect(titles(chosen)).toEqual(['Day 1 paper 1', 'Day 2 paper 1', 'Day 3 paper 1', 'Day 4 paper 1', 'Day 1 paper 2', 'Day 2 paper 2']);
    expect(rankPeriodBriefs(briefs, { top: 50 }).chosen).toHaveLength(12);
  });

  it('by the interests file when there is one, with its -terms dropping papers', () => {
    const { chosen, method } = rankPeriodBriefs(briefs, { top: 2, interests: parseInterests('protein folding\n-paper 1\n') });
    expect(method).toBe('interests');
    expect(titles(chosen)[0]).toBe('Day 4 paper 3 on protein folding');
    expect(titles(chosen).some((title) => title.endsWith('paper 1'))).toBe(false);
  });
});
