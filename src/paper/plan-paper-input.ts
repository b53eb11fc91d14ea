import type { Prompts } from '../brief/load-prompts.js';
import type { Config } from '../config/config-schema.js';
import { computeInputBudget } from '../text/compute-input-budget.js';
import { countTokens } from '../text/count-tokens.js';
import { fitToBudget } from '../text/fit-to-budget.js';

// Title, authors, categories and abstract fill the prompt's placeholders; an abstract rarely passes 600 tokens.
const METADATA_TOKENS = 1_000;

export interface PaperInput {
  /** The paper text that goes into the prompt (maybe without its least important sections). */
  text: string;
  tokens: number;
  /** Headings of sections left out to fit. */
  dropped: string[];
  /** Section-aligned parts for the map-reduce path, or null when the text fits in one call. */
  chunks: string[] | null;
}

/** Decides what of the paper the model reads: all of it, all but the least important sections, or notes per part. */
export function planPaperInput(text: string, prompts: Prompts, config: Config): PaperInput {
  const promptTokens = countTokens(prompts.system) + countTokens(prompts.brief) + METADATA_TOKENS;
  const maxTokens = computeInputBudget(config.model, { maxInputTokens: config.maxInputTokens, promptTokens });
  const fitted = fitToBudget(text, { maxTokens });
  return {
    text: fitted.text,
    tokens: fitted.tokens,
    dropped: fitted.dropped,
    chunks: fitted.needsMapReduce ? (fitted.chunks ?? null) : null,
  };
}
