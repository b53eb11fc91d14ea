import { toFileStem } from '../arxiv/to-file-stem.js';
import type { PaperMetadata } from '../brief/brief-schema.js';
import type { Config } from '../config/config-schema.js';
import { OPENAI_BASE_URL } from '../llm/create-llm-client.js';

/**
 * The paper's `prompt_cache_key`, the same for all its calls so they reach one cache; undefined where the
 * setting keeps it from this server (`auto`: OpenAI's own endpoint only, since a strict server refuses unknown fields).
 */
export function buildPromptCacheKey(paper: Pick<PaperMetadata, 'id' | 'version'>, config: Pick<Config, 'promptCacheKey' | 'openaiBaseUrl'>): string | undefined {
  if (config.promptCacheKey === 'off') return undefined;
  if (config.promptCacheKey === 'auto' && new URL(config.openaiBaseUrl ?? OPENAI_BASE_URL).hostname !== new URL(OPENAI_BASE_URL).hostname) return undefined;
  return `arxiv-brief-${toFileStem(paper.id, paper.version)}`;
}
