import { ConfigError } from '../errors/brief-error.js';
import { getModelContext } from './get-model-context.js';

export interface InputBudgetOptions {
  /** The user's cap on the paper text (SUMMARIZE_MAX_INPUT_TOKENS). Default: none. */
  maxInputTokens?: number;
  /** Tokens of the instructions and schema sent along with the paper. */
  promptTokens: number;
  /** Room left for the answer. Default: the model's output limit, at most 16 384. */
  reserveOutputTokens?: number;
}

/** Share of the context kept free: our tokenizer is exact for OpenAI models only. */
const SAFETY_SHARE = 0.03;
/** Below this the paper cannot be summarized meaningfully, even in chunks. */
const MIN_BUDGET = 1_000;

/** How many tokens of paper text one request to `model` can carry. */
export function computeInputBudget(model: string, options: InputBudgetOptions): number {
  const context = getModelContext(model);
  const reserve = options.reserveOutputTokens ?? Math.min(context.maxOutputTokens, 16_384);
  const safety = Math.ceil(context.contextTokens * SAFETY_SHARE);
  const available = context.contextTokens - options.promptTokens - reserve - safety;
  const budget = Math.min(available, options.maxInputTokens ?? Number.POSITIVE_INFINITY);
  if (budget < MIN_BUDGET) {
    throw new ConfigError([
      `model ${model} leaves ${budget} tokens for the paper (context ${context.contextTokens}, prompt ${options.promptTokens}, reserved for the answer ${reserve}${options.maxInputTokens === undefined ? '' : `, max input ${options.maxInputTokens}`}); use a model with a larger context or raise SUMMARIZE_MAX_INPUT_TOKENS`,
    ]);
  }
  return budget;
}
