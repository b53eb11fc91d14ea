import type OpenAI from 'openai';
import type { PaperMetadata, Usage } from '../brief/brief-schema.js';
import { renderPrompt } from '../brief/render-prompt.js';
import { LlmError } from '../llm/llm-error.js';
import { addUsage, readCompletionUsage, ZERO_USAGE } from '../llm/read-completion-usage.js';
import { requestCompletion } from '../llm/request-completion.js';
import type { CompletionBatch } from '../llm/completion-batch.js';
import type { LlmRetryOptions } from '../llm/with-llm-retries.js';

export interface SectionNotesOptions {
  client: OpenAI;
  model: string;
  prompt: string;
  signal?: AbortSignal | undefined;
  retry?: LlmRetryOptions;
  /** Asked before each part after the first; false stops (a spending budget is reached). */
  admitCall?: () => boolean;
  /** Sent as `prompt_cache_key`, the paper's for all its calls. Default: none. */
  promptCacheKey?: string | undefined;
  /** Answers each part's call through the Batch API; default: at once. */
  batch?: CompletionBatch | undefined;
}

/** The map step for papers too long for one call: notes per part, joined as the text the brief is written from. */
export async function writeSectionNotes(
  paper: PaperMetadata,
  chunks: readonly string[],
  { client, model, prompt, signal, retry, admitCall = () => true, promptCacheKey, batch }: SectionNotesOptions,
): Promise<{ text: string; usage: Usage; calls: number }> {
  const writePart = async (chunk: string, index: number) => {
    const content = renderPrompt(prompt, { title: paper.title, part: index + 1, parts: chunks.length, paperText: chunk });
    const completion = await requestCompletion(client, { model, messages: [{ role: 'user', content }], ...(promptCacheKey === undefined ? {} : { prompt_cache_key: promptCacheKey }) }, { signal, retry, batch });
    const text = completion.choices[0]?.message.content?.trim();
    if (!text) throw new LlmError(`the model wrote no notes for part ${index + 1} of ${chunks.length}`);
    return { notes: `Notes on part ${index + 1} of ${chunks.length}:\n${text}`, usage: readCompletionUsage(completion.usage) };
  };
  const stopped = (index: number) => new LlmError(`the --max-cost budget is reached: stopped after the notes on ${index} of ${chunks.length} parts`);
  const parts: Array<Awaited<ReturnType<typeof writePart>>> = [];
  if (batch) {
    // In a batch every part goes in the same round: a round per part would take a day per part. Nothing is answered
    // before they all go, so one check of the paper's reservation stands for every part.
    if (chunks.length > 1 && !admitCall()) throw stopped(0);
    parts.push(...(await Promise.all(chunks.map(writePart))));
  } else {
    for (const [index, chunk] of chunks.entries()) {
      if (index > 0 && !admitCall()) throw stopped(index);
      parts.push(await writePart(chunk, index));
    }
  }
  return { text: parts.map((part) => part.notes).join('\n\n'), usage: parts.reduce((sum, part) => addUsage(sum, part.usage), ZERO_USAGE), calls: chunks.length };
}
