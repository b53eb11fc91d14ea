import type { PaperMetadata } from '../brief/brief-schema.js';
import type { Config } from '../config/config-schema.js';
import { countExplorePicks } from '../learn/count-explore-picks.js';
import type { ReaderPick } from '../learn/rank-for-reader.js';
import { formatCount } from '../format/format-count.js';
import { createEmbeddingCache } from '../rank/create-embedding-cache.js';
import type { ChosenPapers } from './choose-papers.js';
import { planBriefUnion } from './plan-brief-union.js';
import { rankForReaders } from './rank-for-readers.js';

/** The night's readers' copies: what to brief for them, and each reader's picks by address. */
export interface ReaderCopiesPlan {
  /** The shared picks, then the readers' own: what the night briefs, each once, in the order a --max-cost cut spares the shared. */
  papers: PaperMetadata[];
  /** The same papers in the shared ranking's order: the web edition, the archive and the feeds stay the shared ranking. */
  editionOrder: PaperMetadata[];
  copies: Map<string, ReaderPick[]>;
  /** The shared ranking's reason per paper, recorded with each pick for `readers explain`. */
  sharedReasons: Map<string, string>;
}

/**
 * Each reader of the database with a vote, library or rule gets their own top N (SUMMARIZE_READER_TOP, default the
 * edition's count) of the day's candidates, then one or two "outside your usual" picks; undefined when no reader has any, so the night is the shared one exactly,
 * and undefined (with a warning) when their profiles cannot be read, so everyone gets the shared edition.
 */
export async function rankReaderCopies(config: Config, chosen: ChosenPapers, options: { date: string; now: Date; log: (line: string) => void; warn: (line: string) => void }): Promise<ReaderCopiesPlan | undefined> {
  // A fixed list (SUMMARIZE_MAIL_TO) is mailed instead of the database's readers: each gets the shared edition.
  if (chosen.chosen.length === 0 || config.mailTo !== undefined) return undefined;
  // The readers' database and their model load only on the nights that mail them.
  const { readReaderProfiles } = await import('../readers/read-reader-profiles.js');
  // The shared ranking embedded the candidates; the cache has the voted papers of earlier such nights, at no cost.
  const cache = chosen.ranking?.scoring === 'embeddings' ? createEmbeddingCache(config.cacheDir, config.embeddingModel) : undefined;
  const embeddingOf = cache && (async (paper: Pick<PaperMetadata, 'id' | 'version'>) => (await cache.read({ id: paper.id, version: paper.version })) ?? undefined);
  let readers: Awaited<ReturnType<typeof readReaderProfiles>>;
  try {
    readers = await readReaderProfiles(config, embeddingOf);
  } catch (error) {
    // The readers' own order is an extra: a database locked past its busy timeout must not stop the shared edition.
    options.warn(`readers get the shared edition tonight: their own copies could not be ranked: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (readers.length === 0) return undefined;
  const ranked = chosen.ranking?.ranked.filter((candidate) => candidate.rank !== null && !candidate.shownBefore);
  const candidates = ranked?.map((candidate) => candidate.paper) ?? chosen.chosen;
  // The candidates' vectors come from the shared ranking itself, not the cache: a cache that could not be written still ranks by them.
  const embeddings = chosen.ranking?.vectors;
  const top = config.readerTop ?? chosen.chosen.length;
  const copies = rankForReaders(candidates, ranked, readers, { date: options.date, top, now: options.now, halfLifeDays: config.learnHalfLifeDays, embeddings });
  const papers = planBriefUnion(chosen.chosen, copies.values(), candidates);
  const inUnion = new Set(papers);
  const extra = papers.length - chosen.chosen.length;
  const explore = countExplorePicks(top);
  const shape = explore === 0 ? `${top} picks each` : `${top} picks each and ${explore} outside their usual`;
  options.log(`ranked ${formatCount(readers.length, "reader's own copy", "readers' own copies")} (${shape}): ${extra === 0 ? 'all among the shared picks' : `${formatCount(extra, 'more paper')} to brief for them`}`);
  return {
    papers,
    editionOrder: [...chosen.chosen, ...candidates.filter((paper) => inUnion.has(paper) && !chosen.chosen.includes(paper))],
    copies,
    sharedReasons: new Map(ranked?.map((candidate) => [candidate.paper.id, candidate.reason])),
  };
}
