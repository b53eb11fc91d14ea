import type { ArxivId } from './parse-arxiv-id.js';

/**
 * One entry per paper, in first-seen order; an explicit version wins over none and the
 * higher explicit version over a lower one.
 */
export function dedupeArxivIds(ids: ArxivId[]): ArxivId[] {
  const byId = new Map<string, ArxivId>();
  for (const candidate of ids) {
    const seen = byId.get(candidate.id);
    if (!seen || (candidate.version !== null && (seen.version === null || candidate.version > seen.version))) {
      byId.set(candidate.id, { id: candidate.id, version: candidate.version });
    }
  }
  return [...byId.values()];
}
