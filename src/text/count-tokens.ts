import { countTokens as countO200kTokens } from 'gpt-tokenizer/encoding/o200k_base';

/** Tokens of `text` in o200k_base, the encoding of the GPT-4o, GPT-4.1, GPT-5 and o-series models. */
export function countTokens(text: string): number {
  return countO200kTokens(text);
}
