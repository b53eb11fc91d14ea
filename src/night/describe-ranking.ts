import type { PaperMetadata } from '../brief/brief-schema.js';
import type { RankMethod } from '../rank/rank-papers.js';
import type { RankingPlan } from './plan-ranking.js';
import type { CandidateRanking } from './rank-candidates.js';
import type { PaperRun, RunReport } from '../run/run-report.js';
import { formatCount } from '../format/format-count.js';

/** Every candidate in rank order (the source's when unranked): the selected with what the run did, the others not selected; each with its rank. */
export function describeCandidates(candidates: readonly PaperMetadata[], ranking: CandidateRanking | undefined, runs: ReadonlyMap<PaperMetadata, PaperRun>): PaperRun[] {
  if (!ranking) return candidates.map((paper) => runs.get(paper)!);
  return ranking.ranked.map(({ paper, rank, score, reason, selected }) => {
    // A paper below --top that a reader picked for their own copy was briefed too.
    const run: PaperRun = selected || runs.has(paper)
      ? runs.get(paper)!
      : { id: paper.id, version: paper.version, title: paper.title, outcome: 'not-selected', reason: rank === null ? reason : 'ranked below --top', durations: { totalMs: 0 } };
    return { ...run, ranking: { rank, score, reason } };
  });
}

/** The run report's summary of how the candidates were chosen and what the embeddings cost. */
export function describeRanking(ranking: CandidateRanking, plan: Pick<RankingPlan, 'method' | 'top' | 'interestsPath'>): NonNullable<RunReport['ranking']> {
  return {
    method: plan.method,
    scoring: ranking.scoring,
    ...(plan.interestsPath === undefined ? {} : { interests: plan.interestsPath }),
    ...(plan.top === undefined ? {} : { top: plan.top }),
    candidates: ranking.ranked.length,
    selected: countSummarized(ranking),
    excluded: ranking.ranked.filter((candidate) => candidate.rank === null).length,
    ...(ranking.embeddings ? { embeddings: ranking.embeddings } : {}),
  };
}

/** One line for the log: how many candidates, ranked how, how many go on, what the embeddings cost. */
export function describeRankingLine(ranking: CandidateRanking, method: RankMethod, top: number | undefined): string {
  const selected = countSummarized(ranking);
  const repeats = ranking.ranked.filter((candidate) => candidate.selected && candidate.shownBefore).length;
  const excluded = ranking.ranked.filter((candidate) => candidate.rank === null).length;
  const how = method === 'interests' && ranking.scoring !== 'none' ? `interests (${ranking.scoring})` : method;
  const spend = ranking.embeddings
    ? `; ${formatCount(ranking.embeddings.requests, 'embeddings request')}, ${ranking.embeddings.cachedTexts} from the cache`
    : '';
  const listed = repeats > 0 ? `, ${repeats} shown before only listed` : '';
  return `ranked ${formatCount(ranking.ranked.length, 'candidate')} by ${how}${excluded > 0 ? `, ${excluded} excluded` : ''}; ${top === undefined ? 'all' : `top ${selected}`} go on${listed}${spend}`;
}

// --- internal ---

// The papers that go on to the model: selected and new.
function countSummarized(ranking: CandidateRanking): number {
  return ranking.ranked.filter((candidate) => candidate.selected && !candidate.shownBefore).length;
}
