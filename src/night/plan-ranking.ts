import { isEmptyInterests, type Interests } from '../rank/parse-interests.js';
import type { RankMethod } from '../rank/rank-papers.js';
import { readInterestsFile } from '../rank/read-interests-file.js';
import { resolveRankMethod } from '../rank/resolve-rank-method.js';

/** How a nightly run will choose its papers, settled before any request. */
export type RankingPlan = {
  /** False when the run neither ranks nor cuts: the source's order, every paper. */
  ranks: boolean;
  method: RankMethod;
  interests?: Interests;
  interestsPath?: string;
  top?: number;
  /** Lines for the editor, e.g. an interests file without entries. */
  warnings: string[];
};

/** Reads the interests file (a ConfigError when unreadable) and settles --rank, so a mistake costs no request. */
export async function planRanking({
  rankFlag,
  interestsPath,
  sourceKind,
  top,
}: {
  rankFlag: string | undefined;
  interestsPath: string | undefined;
  sourceKind: string;
  top: number | undefined;
}): Promise<RankingPlan> {
  const interests = interestsPath === undefined ? undefined : await readInterestsFile(interestsPath);
  let method = resolveRankMethod(rankFlag, { hasInterests: interests !== undefined, sourceKind });
  const warnings: string[] = [];
  if (interests && isEmptyInterests(interests)) {
    warnings.push(`the interests file ${interestsPath} names no interest; keeping the source's order`);
    if (method === 'interests') method = 'source';
  }
  return {
    ranks: method !== 'source' || top !== undefined || interests !== undefined,
    method,
    ...(interests ? { interests, interestsPath } : {}),
    ...(top === undefined ? {} : { top }),
    warnings,
  };
}
