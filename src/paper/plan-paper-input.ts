import type { Prompts } from '../brief/load-prompts.js';
import type { Config } from '../config/config-schema.js';
import { computeInputBudget } from '../text/compute-input-budget.js';
import { countTokens } from '../text/count-tokens.js';
import { fitToBudget } from '../text/fit-to-budget.js';

// Title, authors, categories and abstract fill the prompt's placeholders; an abstract rarely passes 600 tokens.
const METADATA_TOKENS = 1_000;
// What follows the paper in a call: its own instructions, the brief a style reads, the list of figures and the paper's schema.
const CALL_TOKENS = 4_000;

export interface PaperInput {
  /** The paper text that goes into the prompt (maybe without its least important sections). */
  text: string;
  tokens: number;
  /** Headings of sections left out to fit. */
  dropped: string[];
  /** Section-aligned parts for the map-reduce path, or null when the text fits in one call. */
  chunks: string[] | null;
}

/**
 * Decides what of the paper the model reads: all of it, all but the least important sections, or notes per part.
 * Every call of a paper fits it the same way, whatever its own instructions, so they all send the same paper;
 * a prompt file that still holds the paper itself (`template`, from before prompts/paper.md) is fitted around it.
 */
export function planPaperInput(text: string, prompts: Pick<Prompts, 'system' | 'paper'>, config: Config, options: { template?: string } = {}): PaperInput {
  const promptTokens = countTokens(prompts.system) + METADATA_TOKENS + (options.template === undefined ? countTokens(prompts.paper) + CALL_TOKENS : countTokens(options.template));
  const maxTokens = computeInputBudget(config.model, { maxInputTokens: config.maxInputTokens, promptTokens });
  const fitted = fitToBudget(text, { maxTokens });
  return {
    text: fitted.text,
    tokens: fitted.tokens,
    dropped: fitted.dropped,
    chunks: fitted.needsMapReduce ? (fitted.chunks ?? null) : null,
  };
}
