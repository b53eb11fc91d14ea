import type OpenAI from 'openai';
import type { PaperMetadata } from '../brief/brief-schema.js';
import type { Config } from '../config/config-schema.js';
import type { CollectedPapers } from './collect-papers.js';
import { describeRankingLine } from './describe-ranking.js';
import type { RankingPlan } from './plan-ranking.js';
import { rankCandidates, type CandidateRanking } from './rank-candidates.js';

export type ChosenPapers = {
  /** The papers that go on to PDFs and the model, best first; every new candidate when the run does not rank. */
  chosen: PaperMetadata[];
  /** Papers shown in full in an earlier edition that would have been chosen: listed, never summarized again. */
  repeats: PaperMetadata[];
  ranking?: CandidateRanking;
};

/** The rank step of a nightly run: ranks the candidates as planned and keeps the selected, saying how in one line. */
export async function choosePapers(
  collected: CollectedPapers,
  plan: RankingPlan,
  {
    config,
    llm,
    log,
    warn,
    signal,
    shownBefore = new Set<string>(),
  }: {
    config: Config;
    llm: () => OpenAI;
    log: (line: string) => void;
    warn: (line: string) => void;
    signal?: AbortSignal;
    /** arXiv IDs shown in full in an earlier edition (empty with --repeat). */
    shownBefore?: ReadonlySet<string>;
  },
): Promise<ChosenPapers> {
  for (const example of plan.interests?.examples ?? []) {
    if (!collected.examples.some((paper) => paper.id === example.id)) warn(`the example paper ${example.id} in the interests file is not on arXiv; it is left out of the profile`);
  }
  if (!plan.ranks) {
    return { chosen: collected.papers.filter((paper) => !shownBefore.has(paper.id)), repeats: collected.papers.filter((paper) => shownBefore.has(paper.id)) };
  }
  const ranking = await rankCandidates(collected.papers, {
    method: plan.method,
    interests: plan.interests,
    examplePapers: collected.examples,
    top: plan.top,
    shownBefore,
    embeddingModel: config.embeddingModel,
    cacheDir: config.cacheDir,
    prices: config.prices,
    llm,
    warn,
    signal,
    maxRetryAfterMs: config.maxRetryAfterMs,
  });
  log(describeRankingLine(ranking, plan.method, plan.top));
  // Only the selected papers go on: the others cost no PDF request and no model call.
  const selected = ranking.ranked.filter((candidate) => candidate.selected);
  return {
    chosen: selected.filter((candidate) => !candidate.shownBefore).map((candidate) => candidate.paper),
    repeats: selected.filter((candidate) => candidate.shownBefore).map((candidate) => candidate.paper),
    ranking,
  };
}
