import { countTokens as countO200kTokens, encode } from 'gpt-tokenizer/encoding/o200k_base';

/** Tokens of `text` in o200k_base, the encoding of the GPT-4o, GPT-4.1, GPT-5 and o-series models. */
export function countTokens(text: string): number {
  return countO200kTokens(text);
}

/** The token IDs of `text` in the same encoding, for what compares prompts token by token (the test server's prompt cache). */
export function encodeTokens(text: string): number[] {
  return encode(text);
}
