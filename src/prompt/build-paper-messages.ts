import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { StyleName } from '../brief/style-names.js';
import { describeAnswerFields } from './describe-answer-fields.js';

/**
 * The messages of one call of a paper, ordered for the server's prompt cache. A call answering in `fields` of the
 * paper's one schema is one of several: the paper comes before its instructions, so every call of the paper shares
 * it. A paper's only call gives its instructions first, which the same call of every other paper shares.
 * `paperBlock` null: the instructions hold the paper themselves (a prompt file from before prompts/paper.md).
 * `instructions`: one per field, in the order of `fields`; a call filling several fields heads each with its field.
 */
export function buildPaperMessages(parts: { system: string; paperBlock: string | null; instructions: readonly string[]; language: string; fields: readonly StyleName[] }): ChatCompletionMessageParam[] {
  const { system, paperBlock, instructions, language, fields } = parts;
  if (fields.length > 0 && paperBlock !== null) {
    const own = fields.length === 1 ? instructions[0] : fields.map((field, index) => `For the field "${field}":\n${instructions[index]}`).join('\n\n');
    return [
      { role: 'system', content: system },
      { role: 'user', content: paperBlock },
      { role: 'user', content: `${own}\n\n${describeAnswerFields(fields)}${language}` },
    ];
  }
  return [
    { role: 'system', content: system },
    { role: 'user', content: `${instructions[0]}${paperBlock === null ? '' : `\n\n${paperBlock}`}${language}` },
  ];
}
