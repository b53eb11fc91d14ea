import type { Brief } from '../brief/brief-schema.js';
import type { Config } from '../config/config-schema.js';
import { estimateCostUsd } from '../llm/estimate-cost-usd.js';
import { PODCAST_WORDS } from '../styles/podcast-script-schema.js';
import { countTokens } from '../text/count-tokens.js';

// A spoken English word averages six characters with its space; a token is about three quarters of a word.
const CHARACTERS_PER_WORD = 6;
const OUTPUT_TOKENS_PER_WORD = 1.4;
const INTRO_AND_OUTRO_CHARACTERS = 800;

/** What one paper's segment should cost before it is written: the paper as the brief read it, and the longest allowed answer. */
export function estimateSegmentUsd(brief: Brief, config: Config, stylePromptText: string): number | null {
  const inputTokens = brief.generation.source.tokens + countTokens(stylePromptText) + 1_500;
  return estimateCostUsd(config.model, inputTokens, Math.round(PODCAST_WORDS.max * OUTPUT_TOKENS_PER_WORD), config.prices);
}

/** Characters the speech engine will read for an episode of `papers` segments, at the longest allowed length. */
export function estimateEpisodeCharacters(papers: number): number {
  return papers * PODCAST_WORDS.max * CHARACTERS_PER_WORD + INTRO_AND_OUTRO_CHARACTERS;
}
