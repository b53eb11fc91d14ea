import { type Interests, isEmptyInterests } from '../rank/parse-interests.js';
import { rankPapers } from '../rank/rank-papers.js';
import { scoreByKeywords } from '../rank/score-by-keywords.js';
import type { PeriodBrief } from './collect-period-briefs.js';

/**
 * The period's best `top` briefs: by the interests file when there is one (its topics by keywords, so
 * ranking costs nothing; `+term` and `-term` as every night), else by Hugging Face upvotes when the
 * papers have them, else by date: each day's best in turn (its edition's order), so the issue spans the period.
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
  return { chosen: takeInTurns(briefs, top), method: 'date' };
}

// --- internal ---

// Each day's first paper, then each day's second, …: the top of a month spans the month, not its first two days.
function takeInTurns(briefs: readonly PeriodBrief[], top: number): PeriodBrief[] {
  const days = new Map<string, PeriodBrief[]>();
  for (const entry of briefs) {
    const day = days.get(entry.date);
    if (day) day.push(entry);
    else days.set(entry.date, [entry]);
  }
  const chosen: PeriodBrief[] = [];
  for (let round = 0; chosen.length < Math.min(top, briefs.length); round++) {
    for (const day of days.values()) if (day[round] && chosen.length < top) chosen.push(day[round]!);
  }
  return chosen;
}
