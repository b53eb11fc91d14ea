import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import type { PaperMetadata } from '../brief/brief-schema.js';
import { buildGroundingFeedback } from '../brief/checks/build-grounding-feedback.js';
import type { Prompts } from '../brief/load-prompts.js';
import { renderPrompt } from '../brief/render-prompt.js';
import type { Config } from '../config/config-schema.js';
import { generateStructured, type GenerateStructuredOptions } from '../llm/generate-structured.js';
import { LlmError } from '../llm/llm-error.js';
import type { PaperText } from './paper-text.js';
import { type PaperInput, planPaperInput } from './plan-paper-input.js';
import { detectSilentTruncation } from './detect-silent-truncation.js';
import { writeSectionNotes } from './write-section-notes.js';
import { buildLanguageFeedback, findWrongLanguage } from '../language/check-language.js';
import { describeLanguageInstruction } from '../language/describe-language-instruction.js';

export interface GroundedContentRequest<T> {
  /** The prompt template with `{{title}}`, `{{authors}}`, `{{categories}}`, `{{abstract}}`, `{{paperText}}` and any `extraValues`. */
  template: string;
  schema: z.ZodType<T>;
  schemaName: string;
  /** What the text is called in messages: `brief`, `blurb`, `podcast segment`. */
  label: string;
  /** The numbers of the answer the paper does not contain; they go back to the model once. */
  findUngrounded: (content: T) => string[];
  extraValues?: Record<string, string>;
  /** Every text the reader sees, for the language check. */
  listTexts: (content: T) => string[];
  /** BCP 47 tag of the language to write in. */
  language: string;
}

export interface WrittenContent<T> {
  content: T;
  attempts: number;
  /** What of the paper the model read, for the provenance. */
  paperInput: PaperInput;
  /** The detected language when the answer is still not in the one asked for. */
  wrongLanguage?: string;
  /** A warning when the server counted far fewer prompt tokens than were sent. */
  truncation?: string;
}

type CallOptions = Omit<GenerateStructuredOptions<unknown>, 'messages' | 'schema' | 'schemaName'>;

/**
 * The steps every style shares: fit the paper to the context (or write notes per part), ask for the
 * structured answer with its repairs, then one grounding round for numbers the paper does not contain.
 */
export async function writeGroundedContent<T>(
  paper: PaperMetadata,
  paperText: PaperText,
  request: GroundedContentRequest<T>,
  { config, prompts, call, admitCall }: { config: Config; prompts: Prompts; call: CallOptions; admitCall: () => boolean },
): Promise<WrittenContent<T>> {
  let attempts = 0;
  // The style's own instructions take the room the brief's would: the paper gets what is left.
  const input = planPaperInput(paperText.text, { ...prompts, brief: request.template }, config);
  let modelText = input.text;
  if (input.chunks) {
    const notes = await writeSectionNotes(paper, input.chunks, { ...call, prompt: prompts.sectionNotes, admitCall });
    attempts += notes.calls;
    modelText = notes.text;
    if (!admitCall()) throw new LlmError(`the --max-cost budget is reached: the notes on all ${input.chunks.length} parts are written, the ${request.label} is not`);
  }

  const messages: ChatCompletionMessageParam[] = [
    { role: 'system', content: prompts.system },
    { role: 'user', content: `${renderPrompt(request.template, { ...promptValues(paper, modelText), ...request.extraValues })}${describeLanguageInstruction(request.language)}` },
  ];
  let answer = await generateStructured({ ...call, messages, schema: request.schema, schemaName: request.schemaName });
  attempts += answer.attempts;
  const truncation = detectSilentTruncation(messages, answer.usage.inputTokens / answer.attempts);
  let content = answer.value;
  const admitFollowUp = call.admitRepair ?? (() => true);

  // A follow-up that fails with the endpoint's errors keeps the answer already paid for and valid, flagged as it stands.
  const askAgain = async (feedback: string) => {
    try {
      const next = await generateStructured({ ...call, messages: [...answer.messages, { role: 'user', content: feedback }], schema: request.schema, schemaName: request.schemaName });
      attempts += next.attempts;
      answer = next;
      content = next.value;
    } catch (error) {
      if (!(error instanceof LlmError) || call.signal?.aborted) throw error;
      attempts += 1;
    }
  };

  // One language round: "I set Chinese and still got English" is the complaint this answers; still wrong, it is flagged.
  if (findWrongLanguage(request.listTexts(content), request.language) && admitFollowUp()) {
    await askAgain(buildLanguageFeedback(findWrongLanguage(request.listTexts(content), request.language)!, request.language));
  }

  // One grounding round: numbers the paper does not contain go back to the model once (they stay flagged if the budget says no).
  const ungrounded = request.findUngrounded(content);
  if (ungrounded.length > 0 && admitFollowUp()) await askAgain(buildGroundingFeedback(ungrounded, request.label));

  const wrongLanguage = findWrongLanguage(request.listTexts(content), request.language);
  return { content, attempts, paperInput: input, ...(wrongLanguage ? { wrongLanguage } : {}), ...(truncation ? { truncation } : {}) };
}

// --- internal ---

function promptValues(paper: PaperMetadata, paperText: string): Record<string, string> {
  return {
    title: paper.title,
    authors: paper.authors.join(', '),
    categories: paper.categories.join(', '),
    abstract: paper.abstract,
    paperText,
  };
}
