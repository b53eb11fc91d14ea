import { createHash } from 'node:crypto';
import { encodeTokens } from '../../src/text/count-tokens.js';

/** OpenAI caches prompts of this many tokens or more, and nothing shorter. */
export const CACHE_MIN_TOKENS = 1_024;
/** Cache hits grow in blocks of this many tokens (1,024, 1,152, 1,280, …). */
export const CACHE_BLOCK_TOKENS = 128;

/** What the fake's prompt cache counted for one request. */
export interface PromptCacheCount {
  promptTokens: number;
  cachedTokens: number;
}

/**
 * OpenAI's prompt caching as its guide documents it: a request of 1,024 tokens or more reuses the longest
 * prefix an earlier request had, counted in whole 128-token blocks; the structured-output schema comes first,
 * then the messages. A `prompt_cache_key` routes requests to their own cache: requests under another key
 * (or none) share nothing with them. The cache never expires, so a test sees the same counts however slow.
 */
export function createFakePromptCache() {
  const seenBlocks = new Map<string, Set<string>>();
  return {
    /** Counts the request's prompt tokens and those read from the cache, then caches its prefix. */
    count(body: unknown): PromptCacheCount {
      const tokens = encodeTokens(serializePrompt(body));
      const partition = readCacheKey(body);
      const seen = seenBlocks.get(partition) ?? new Set<string>();
      seenBlocks.set(partition, seen);
      const chain = hashBlocks(tokens);
      if (tokens.length < CACHE_MIN_TOKENS) return { promptTokens: tokens.length, cachedTokens: 0 };
      let reused = 0;
      while (reused < chain.length && seen.has(chain[reused]!)) reused += 1;
      for (const hash of chain) seen.add(hash);
      const cachedTokens = reused * CACHE_BLOCK_TOKENS;
      return { promptTokens: tokens.length, cachedTokens: cachedTokens >= CACHE_MIN_TOKENS ? cachedTokens : 0 };
    },
    /** Forgets every cached prefix, as a cold server would. */
    clear(): void {
      seenBlocks.clear();
    },
  };
}

/** The prompt as the model reads it: the response format's schema (name included) first, then each message with its role. */
export function serializePrompt(body: any): string {
  const format = body?.response_format;
  const schema = format?.type === 'json_schema' ? `<|response_format|>${JSON.stringify(format.json_schema)}<|end|>\n` : '';
  const messages = (Array.isArray(body?.messages) ? body.messages : []).map((message: any) => `<|${String(message?.role)}|>${typeof message?.content === 'string' ? message.content : JSON.stringify(message?.content ?? '')}<|end|>\n`);
  return `${schema}${messages.join('')}`;
}

// --- internal ---

function readCacheKey(body: any): string {
  return typeof body?.prompt_cache_key === 'string' ? `key:${body.prompt_cache_key}` : 'no key';
}

// Each block's hash covers every token before it, so equal hashes mean equal prefixes.
function hashBlocks(tokens: readonly number[]): string[] {
  const chain: string[] = [];
  let previous = '';
  for (let end = CACHE_BLOCK_TOKENS; end <= tokens.length; end += CACHE_BLOCK_TOKENS) {
    previous = createHash('sha256').update(previous).update(tokens.slice(end - CACHE_BLOCK_TOKENS, end).join(',')).digest('hex');
    chain.push(previous);
  }
  return chain;
}
