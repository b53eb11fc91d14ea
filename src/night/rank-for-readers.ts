import type { PaperMetadata } from '../brief/brief-schema.js';
import { countExplorePicks } from '../learn/count-explore-picks.js';
import type { LearnPaper } from '../learn/learn-paper.js';
import { type ReaderPick, rankForReader } from '../learn/rank-for-reader.js';
import type { RankedPaper } from '../rank/rank-papers.js';
import { createReaderDayRandom } from '../readers/create-reader-day-random.js';
import type { ReaderProfileEntry } from '../readers/read-reader-profiles.js';

export interface RankForReadersOptions {
  /** YYYY-MM-DD: seeds each reader's draws, so a rerun picks the same. */
  date: string;
  /** Each reader's copy keeps their best this many, then its "outside your usual" picks (`countExplorePicks`). */
  top: number;
  now: Date;
  halfLifeDays: number;
  /** The candidates' embeddings, when the shared ranking used them (its own vectors, cached or not): the readers' models read them too. */
  embeddings?: ReadonlyMap<string, readonly number[]> | undefined;
}

/**
 * Each reader's top picks among the day's candidates, by the shared ranking blended with their own model (rankForReader), then
 * their "outside your usual" picks, keyed by their address. The shared ranking's scores and reasons carry into each; without a ranking the source's order does.
 */
export function rankForReaders(
  candidates: readonly PaperMetadata[],
  ranked: readonly RankedPaper[] | undefined,
  readers: readonly ReaderProfileEntry[],
  options: RankForReadersOptions,
): Map<string, ReaderPick[]> {
  const shared = new Map(
    ranked === undefined
      ? candidates.map((paper, position) => [paper.id, { score: candidates.length - position, reason: 'source order' }] as const)
      : ranked.map((candidate) => [candidate.paper.id, { score: candidate.score, reason: candidate.reason }] as const),
  );
  const learnCandidates = candidates.map((paper) => toLearnPaper(paper, options.embeddings?.get(paper.id)));
  // Papers other readers voted on or keep: earlier papers this reader may not have seen, sampled as their likely dislikes.
  const others = [...new Map(readers.flatMap(({ profile }) => [...profile.votes, ...profile.library].map(({ paper }) => [paper.id, paper] as const))).values()];
  // With embeddings, a background paper without one would turn every reader's model to TF-IDF: it is left out.
  const background = learnCandidates.every((paper) => paper.embedding) ? others.filter((paper) => paper.embedding) : others;
  const explore = countExplorePicks(options.top);
  return new Map(
    readers.map(({ address, profile }) => {
      const picks = rankForReader(learnCandidates, profile, shared, { now: options.now, halfLifeDays: options.halfLifeDays, explore, top: options.top, random: createReaderDayRandom(address, options.date), background });
      // Their own top N, then the explore picks rankForReader put right after it.
      return [address, picks.slice(0, options.top + picks.filter((pick) => pick.explore).length)];
    }),
  );
}

// --- internal ---

function toLearnPaper(paper: PaperMetadata, embedding: readonly number[] | undefined): LearnPaper {
  return { id: paper.id, title: paper.title, abstract: paper.abstract, authors: paper.authors, ...(embedding ? { embedding } : {}) };
}
