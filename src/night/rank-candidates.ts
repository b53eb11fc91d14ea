import type OpenAI from 'openai';
import type { PaperMetadata } from '../brief/brief-schema.js';
import { ENV_NAMES, type Price } from '../config/config-schema.js';
import { BriefError, ConfigError } from '../errors/brief-error.js';
import { computeCostUsd } from '../llm/compute-cost-usd.js';
import { createEmbeddingCache, type EmbeddingKey } from '../rank/create-embedding-cache.js';
import { EmbeddingsUnavailableError } from '../rank/embeddings-unavailable-error.js';
import type { Interests } from '../rank/parse-interests.js';
import { rankPapers, type RankedPaper, type RankMethod } from '../rank/rank-papers.js';
import type { ProfileEntry, Relevance } from '../rank/relevance.js';
import { scoreByEmbeddings } from '../rank/score-by-embeddings.js';

/** `SUMMARIZE_EMBEDDING_MODEL=none`: rank by keywords, with no embeddings request. */
export const NO_EMBEDDING_MODEL = 'none';

export type RankCandidatesOptions = {
  method: RankMethod;
  interests?: Interests | undefined;
  /** The metadata of the interests file's example papers (fetched with the candidates). */
  examplePapers?: readonly PaperMetadata[];
  top?: number | undefined;
  /** arXiv IDs shown in full in an earlier edition: listed where they rank, no place in --top. */
  shownBefore?: ReadonlySet<string> | undefined;
  embeddingModel: string;
  cacheDir: string;
  prices: Readonly<Record<string, Price>>;
  /** Built on first use: a run ranked by keywords or upvotes needs no client. */
  llm: () => OpenAI;
  /** One line to the editor, e.g. the keyword fallback. */
  warn: (line: string) => void;
  /** Ctrl-C: stops the embeddings requests (the run then ends interrupted). */
  signal?: AbortSignal | undefined;
  /** Longest Retry-After the embeddings requests wait for. */
  maxRetryAfterMs?: number;
  /** Inputs per embeddings request; default: embedTexts' own. */
  embeddingBatchSize?: number;
};

/** What the embeddings cost, for the run report. */
export type EmbeddingSpend = { model: string; requests: number; cachedTexts: number; embeddedTexts: number; inputTokens: number; costUsd: number | null };

export type CandidateRanking = {
  ranked: RankedPaper[];
  /** How the interests were scored: by embeddings, or by keywords when none were available. */
  scoring: 'embeddings' | 'keywords' | 'none';
  embeddings?: EmbeddingSpend;
  /** With embeddings: each candidate's vector by arXiv ID, for the readers' own models (even when the cache could not keep them). */
  vectors?: ReadonlyMap<string, readonly number[]>;
};

/** The rank step: scores the candidates against the interests (embeddings, cached, else BM25) and keeps the top N. */
export async function rankCandidates(candidates: readonly PaperMetadata[], options: RankCandidatesOptions): Promise<CandidateRanking> {
  const { method, interests, top, shownBefore } = options;
  if (method !== 'interests' || !interests) return { ranked: rankPapers(candidates, { method, interests, top, shownBefore }), scoring: 'none' };
  const profile: ProfileEntry[] = [
    ...interests.topics.map((topic) => ({ label: topic, text: topic })),
    ...(options.examplePapers ?? []).map((paper) => ({
      label: `like ${paper.id}: ${paper.title}`,
      text: embeddingText(paper),
      paper: { id: paper.id, version: paper.version },
    })),
  ];
  if (profile.length === 0 || candidates.length === 0) return { ranked: rankPapers(candidates, { method, interests, top, shownBefore }), scoring: 'none' };

  if (options.embeddingModel === NO_EMBEDDING_MODEL) {
    options.warn(`${ENV_NAMES.embeddingModel}=none: ranking by keywords (BM25) instead of embeddings`);
    return byKeywords(candidates, profile, options);
  }
  try {
    const { relevance, spend, vectors } = await scoreWithEmbeddings(candidates, profile, options);
    return { ranked: rankPapers(candidates, { method, interests, relevance, top, shownBefore }), scoring: 'embeddings', embeddings: spend, vectors };
  } catch (error) {
    if (error instanceof EmbeddingsUnavailableError) {
      options.warn(`${error.message} (no embeddings there; set ${ENV_NAMES.embeddingModel}): ranking by keywords (BM25) instead`);
    } else if (error instanceof ConfigError) {
      // A dry run needs no key; without one there are no embeddings either.
      options.warn(`no ${ENV_NAMES.openaiApiKey} or ${ENV_NAMES.openaiBaseUrl} for embeddings: ranking by keywords (BM25) instead`);
    } else if (error instanceof BriefError && !options.signal?.aborted) {
      // A failing embeddings endpoint must not cost the night: the keywords still rank.
      options.warn(`the embeddings request failed (${error.message}): ranking by keywords (BM25) instead`);
    } else {
      throw error;
    }
    return byKeywords(candidates, profile, options);
  }
}

// --- internal ---

// The keyword index (MiniSearch) loads only for a run that ranks by keywords.
async function byKeywords(candidates: readonly PaperMetadata[], profile: ProfileEntry[], options: RankCandidatesOptions): Promise<CandidateRanking> {
  const { scoreByKeywords } = await import('../rank/score-by-keywords.js');
  const relevance = scoreByKeywords(candidates, profile);
  return { ranked: rankPapers(candidates, { method: 'interests', interests: options.interests, relevance, top: options.top, shownBefore: options.shownBefore }), scoring: 'keywords' };
}

function embeddingText(paper: PaperMetadata): string {
  return `${paper.title}\n\n${paper.abstract}`;
}

/** Embeds what the cache lacks in as few requests as the batch allows, then scores every candidate. */
async function scoreWithEmbeddings(
  candidates: readonly PaperMetadata[],
  profile: ProfileEntry[],
  options: RankCandidatesOptions,
): Promise<{ relevance: Relevance[]; spend: EmbeddingSpend; vectors: Map<string, readonly number[]> }> {
  const model = options.embeddingModel;
  const cache = createEmbeddingCache(options.cacheDir, model);
  const wanted: Array<{ key: EmbeddingKey; text: string }> = [
    ...candidates.map((paper) => ({ key: { id: paper.id, version: paper.version }, text: embeddingText(paper) })),
    ...profile.map((entry) => ({ key: entry.paper ?? { text: entry.text }, text: entry.text })),
  ];
  const vectors = await Promise.all(wanted.map(({ key }) => cache.read(key)));
  const missing = wanted.flatMap((item, index) => (vectors[index] === null ? [{ ...item, index }] : []));
  const retry = { ...(options.signal ? { signal: options.signal } : {}), ...(options.maxRetryAfterMs === undefined ? {} : { maxRetryAfterMs: options.maxRetryAfterMs }) };
  // The model client loads only when the cache lacks a text: a rerun ranks from the cache alone.
  const embedded =
    missing.length > 0
      ? await (await import('../rank/embed-texts.js')).embedTexts(options.llm(), model, missing.map((item) => item.text), { batchSize: options.embeddingBatchSize, retry })
      : { vectors: [], inputTokens: 0, requests: 0 };
  for (const [position, item] of missing.entries()) vectors[item.index] = embedded.vectors[position]!;
  // Written together: one at a time, a thousand small atomic writes took seconds.
  // A cache that cannot be written (a full disk) costs the next run a request, not this run its ranking.
  await Promise.all(missing.map((item, position) => cache.write(item.key, embedded.vectors[position]!))).catch((error: unknown) =>
    options.warn(`could not keep the embeddings in the cache: ${error instanceof Error ? error.message : String(error)}`),
  );
  const candidateVectors = vectors.slice(0, candidates.length) as number[][];
  const profileVectors = vectors.slice(candidates.length) as number[][];
  const relevance = scoreByEmbeddings(
    candidateVectors,
    profile.map((entry, index) => ({ ...entry, vector: profileVectors[index]! })),
  );
  const spend: EmbeddingSpend = {
    model,
    requests: embedded.requests,
    cachedTexts: wanted.length - missing.length,
    embeddedTexts: missing.length,
    inputTokens: embedded.inputTokens,
    costUsd: computeCostUsd(model, { inputTokens: embedded.inputTokens, outputTokens: 0, cachedInputTokens: 0 }, options.prices),
  };
  return { relevance, spend, vectors: new Map(candidates.map((paper, index) => [paper.id, candidateVectors[index]!])) };
}
