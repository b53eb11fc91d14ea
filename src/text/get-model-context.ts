export interface ModelContext {
  /** Input and output together. */
  contextTokens: number;
  maxOutputTokens: number;
}

/** Unknown models are often small local ones (Ollama), so the default is conservative. */
export const DEFAULT_MODEL_CONTEXT: ModelContext = { contextTokens: 32_768, maxOutputTokens: 4_096 };

/** Matched by prefix, longest first, so `gpt-4o-mini-2024-07-18` finds `gpt-4o`. */
const CONTEXT_BY_PREFIX: Array<[prefix: string, context: ModelContext]> = [
  ['gpt-5', { contextTokens: 400_000, maxOutputTokens: 128_000 }],
  ['gpt-4.1', { contextTokens: 1_047_576, maxOutputTokens: 32_768 }],
  ['gpt-4o', { contextTokens: 128_000, maxOutputTokens: 16_384 }],
  ['gpt-4-turbo', { contextTokens: 128_000, maxOutputTokens: 4_096 }],
  ['o4-mini', { contextTokens: 200_000, maxOutputTokens: 100_000 }],
  ['o3', { contextTokens: 200_000, maxOutputTokens: 100_000 }],
  ['o1', { contextTokens: 200_000, maxOutputTokens: 100_000 }],
];

/** The context window and output limit of a model; a provider prefix (`openai/gpt-5`) is ignored. */
export function getModelContext(model: string): ModelContext {
  const name = model.trim().toLowerCase().replace(/^openai\//, '');
  const match = CONTEXT_BY_PREFIX.filter(([prefix]) => name.startsWith(prefix)).sort(
    ([left], [right]) => right.length - left.length,
  )[0];
  return match ? { ...match[1] } : { ...DEFAULT_MODEL_CONTEXT };
}
