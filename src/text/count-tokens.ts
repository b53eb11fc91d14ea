import { createRequire } from 'node:module';

type O200kEncoding = typeof import('gpt-tokenizer/encoding/o200k_base');

/** Tokens of `text` in o200k_base, the encoding of the GPT-4o, GPT-4.1, GPT-5 and o-series models. */
export function countTokens(text: string): number {
  const known = recentCounts.get(text);
  if (known !== undefined) return known;
  const count = loadEncoding().countTokens(text);
  if (text.length >= REMEMBERED_LENGTH) {
    recentCounts.set(text, count);
    if (recentCounts.size > REMEMBERED_COUNTS) recentCounts.delete(recentCounts.keys().next().value!);
  }
  return count;
}

/** The token IDs of `text` in the same encoding, for what compares prompts token by token (the test server's prompt cache). */
export function encodeTokens(text: string): number[] {
  return loadEncoding().encode(text);
}

// --- internal ---

// A paper's text is fitted once for the run's estimate and again for its calls: the last few long counts are kept.
const REMEMBERED_LENGTH = 10_000;
const REMEMBERED_COUNTS = 32;
const recentCounts = new Map<string, number>();

const require = createRequire(import.meta.url);
let encoding: O200kEncoding | undefined;

// The encoding's table takes a few hundred milliseconds to load: only runs that count tokens pay for it.
function loadEncoding(): O200kEncoding {
  encoding ??= require('gpt-tokenizer/encoding/o200k_base') as O200kEncoding;
  return encoding;
}
