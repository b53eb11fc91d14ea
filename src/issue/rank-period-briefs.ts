import { type Interests, isEmptyInterests } from '../rank/parse-interests.js';
import { rankPapers } from '../rank/rank-papers.js';
import { scoreByKeywords } from '../rank/score-by-keywords.js';
import type { PeriodBrief } from './collect-period-briefs.js';

/**
 * The period's best `top` briefs: by the interests file when there is one (its topics by keywords, so
 * ranking costs nothing; `+term` and `-term` as every night), else by Hugging Face upvotes when the
 * papers have them, else by date (the order the editions showed them).
 */
export function rankPeriodBriefs(briefs: readonly PeriodBrief[], options: { interests?: Interests | undefined; top: number }): { chosen: PeriodBrief[]; method: 'interests' | 'upvotes' | 'date' } {
  const papers = briefs.map((entry) => entry.brief.paper);
  const byPaper = new Map(briefs.map((entry) => [entry.brief.paper, entry]));
  const pick = (ranked: ReturnType<typeof rankPapers>) => ranked.filter((entry) => entry.selected).map((entry) => ({ ...byPaper.get(entry.paper)!, reason: entry.reason }));
  const { interests, top } = options;
  if (interests && !isEmptyInterests(interests)) {
    const relevance = scoreByKeywords(papers, interests.topics.map((topic) => ({ label: topic, text: topic })));
    return { chosen: pick(rankPapers(papers, { method: 'interests', interests, relevance, top })), method: 'interests' };
  }
  if (papers.some((paper) => paper.upvotes !== undefined)) return { chosen: pick(rankPapers(papers, { method: 'upvotes', top })), method: 'upvotes' };
  return { chosen: briefs.slice(0, top), method: 'date' };
}
