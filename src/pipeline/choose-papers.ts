import type OpenAI from 'openai';
import type { PaperMetadata } from '../brief/brief-schema.js';
import type { Config } from '../config/config-schema.js';
import type { CollectedPapers } from './collect-papers.js';
import { describeRankingLine } from './describe-ranking.js';
import type { RankingPlan } from './plan-ranking.js';
import { rankCandidates, type CandidateRanking } from './rank-candidates.js';

export type ChosenPapers = {
  /** The papers that go on to PDFs and the model, best first; every candidate when the run does not rank. */
  chosen: PaperMetadata[];
  ranking?: CandidateRanking;
};

/** The rank step of a nightly run: ranks the candidates as planned and keeps the selected, saying how in one line. */
export async function choosePapers(
  collected: CollectedPapers,
  plan: RankingPlan,
  { config, llm, log, warn, signal }: { config: Config; llm: () => OpenAI; log: (line: string) => void; warn: (line: string) => void; signal?: AbortSignal },
): Promise<ChosenPapers> {
  for (const example of plan.interests?.examples ?? []) {
    if (!collected.examples.some((paper) => paper.id === example.id)) warn(`the example paper ${example.id} in the interests file is not on arXiv; it is left out of the profile`);
  }
  if (!plan.ranks) return { chosen: collected.papers };
  const ranking = await rankCandidates(collected.papers, {
    method: plan.method,
    interests: plan.interests,
    examplePapers: collected.examples,
    top: plan.top,
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
  return { chosen: ranking.ranked.filter((candidate) => candidate.selected).map((candidate) => candidate.paper), ranking };
}
