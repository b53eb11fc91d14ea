import { UsageError } from '../errors/brief-error.js';
import { RANK_METHODS, type RankMethod } from './rank-papers.js';

/**
 * `--rank`, or its default: interests when an interests file names any, upvotes for Hugging Face
 * (the only source with upvotes), else the source's order.
 */
export function resolveRankMethod(flag: string | undefined, { hasInterests, sourceKind }: { hasInterests: boolean; sourceKind: string }): RankMethod {
  if (flag === undefined) return hasInterests ? 'interests' : sourceKind === 'hf' ? 'upvotes' : 'source';
  if (!(RANK_METHODS as readonly string[]).includes(flag)) {
    throw new UsageError(`nightly: --rank must be one of ${RANK_METHODS.join(', ')}, not ${JSON.stringify(flag)}`);
  }
  if (flag === 'interests' && !hasInterests) {
    throw new UsageError('nightly: --rank interests needs an interests file: --interests PATH or SUMMARIZE_INTERESTS');
  }
  if (flag === 'upvotes' && sourceKind !== 'hf') throw new UsageError('nightly: --rank upvotes needs the Hugging Face source (--source hf): only it has upvotes');
  return flag as RankMethod;
}
