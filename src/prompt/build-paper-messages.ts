import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { StyleName } from '../brief/style-names.js';

/**
 * The messages of one call of a paper, ordered for the server's prompt cache. A call answering in `field` of the
 * paper's one schema is one of several: the paper comes before its instructions, so every call of the paper shares
 * it. A paper's only call gives its instructions first, which the same call of every other paper shares.
 * `paperBlock` null: the instructions hold the paper themselves (a prompt file from before prompts/paper.md).
 */
export function buildPaperMessages(parts: { system: string; paperBlock: string | null; instructions: string; language: string; field: StyleName | null }): ChatCompletionMessageParam[] {
  const { system, paperBlock, instructions, language, field } = parts;
  if (field !== null && paperBlock !== null) {
    return [
      { role: 'system', content: system },
      { role: 'user', content: paperBlock },
      { role: 'user', content: `${instructions}\n\nAnswer in the field "${field}" of the JSON object; set every other field to null.${language}` },
    ];
  }
  return [
    { role: 'system', content: system },
    { role: 'user', content: `${instructions}${paperBlock === null ? '' : `\n\n${paperBlock}`}${language}` },
  ];
}
