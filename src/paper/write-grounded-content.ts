import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { PaperMetadata } from '../brief/brief-schema.js';
import { buildGroundingFeedback } from '../brief/checks/build-grounding-feedback.js';
import type { Prompts } from '../brief/load-prompts.js';
import { renderPrompt } from '../brief/render-prompt.js';
import type { StyleName } from '../brief/style-names.js';
import type { Config } from '../config/config-schema.js';
import { generateStructured, type GenerateStructuredOptions, type GenerateStructuredResult } from '../llm/generate-structured.js';
import { LlmError } from '../llm/llm-error.js';
import type { AvailableFigure } from '../styles/style-definition.js';
import type { PaperText } from './paper-text.js';
import { type PaperInput, planPaperInput } from './plan-paper-input.js';
import { detectSilentTruncation } from './detect-silent-truncation.js';
import { writeSectionNotes } from './write-section-notes.js';
import { ensureSectionNotes } from './ensure-section-notes.js';
import { buildLanguageFeedback, findWrongLanguage } from '../language/check-language.js';
import { describeLanguageInstruction } from '../language/describe-language-instruction.js';
import { listPaperStyles, needsFigures } from './list-paper-styles.js';
import { buildPaperSchema, PAPER_SCHEMA_NAME } from '../prompt/build-paper-schema.js';
import { buildPromptCacheKey } from '../prompt/build-prompt-cache-key.js';
import { describePaper, renderPaperBlock } from '../prompt/render-paper-block.js';
import { buildPaperMessages } from '../prompt/build-paper-messages.js';

export interface GroundedContentRequest<T> {
  /** The style written: names its field in the paper's one schema. */
  style: StyleName;
  /** The style's instructions, read after the paper (prompts/paper.md), with its `extraValues`; a template that holds `{{paperText}}` itself is sent as before, uncached. */
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

export interface GroundedContentDependencies {
  config: Config;
  prompts: Prompts;
  call: CallOptions;
  admitCall: () => boolean;
  /** The paper's figures, listed with the paper when one of the run's styles shows them; every call of the paper passes the same. */
  figures?: readonly AvailableFigure[] | undefined;
}

/**
 * The steps every style shares: fit the paper to the context (or write notes per part), ask for the
 * structured answer with its repairs, then one grounding round for numbers the paper does not contain.
 * The calls of a paper in several styles start alike (the paper's one schema, the system prompt, the paper as
 * fitted once) and only then give their own instructions, so the server reads the paper from its prompt cache
 * after the first call.
 */
export async function writeGroundedContent<T>(paper: PaperMetadata, paperText: PaperText, request: GroundedContentRequest<T>, dependencies: GroundedContentDependencies): Promise<WrittenContent<T>> {
  const { config, prompts, call, admitCall, figures = [] } = dependencies;
  const sharedPrefix = !holdsPaper(request.template);
  let attempts = 0;
  const input = sharedPrefix ? planPaperInput(paperText.text, prompts, config) : planPaperInput(paperText.text, prompts, config, { template: request.template });
  let modelText = input.text;
  if (input.chunks) {
    const notesOptions = { ...call, prompt: prompts.sectionNotes, admitCall, promptCacheKey: sharedPrefix ? buildPromptCacheKey(paper, config) : undefined };
    const notes = sharedPrefix ? await ensureSectionNotes(paper, input.chunks, { ...notesOptions, cacheDir: config.cacheDir }) : await writeSectionNotes(paper, input.chunks, notesOptions);
    attempts += notes.calls;
    modelText = notes.text;
    if (!admitCall()) throw new LlmError(`the --max-cost budget is reached: the notes on all ${input.chunks.length} parts are written, the ${request.label} is not`);
  }

  const styles = listPaperStyles([...config.styles, request.style]);
  const paperSchema = sharedPrefix ? buildPaperSchema(styles, { figures, hosts: config.podcastHosts }) : null;
  const messages = buildPaperMessages({
    system: prompts.system,
    paperBlock: sharedPrefix ? renderPaperBlock(prompts.paper, paper, modelText, needsFigures(styles) ? figures : null) : null,
    instructions: renderPrompt(request.template, { ...describePaper(paper, modelText), ...request.extraValues }),
    language: describeLanguageInstruction(request.language),
    field: paperSchema ? request.style : null,
  });
  // A key per paper keeps its calls together; a paper with one call shares only with other papers, so it sends none.
  const promptCacheKey = paperSchema ? buildPromptCacheKey(paper, config) : undefined;
  // With the paper's schema the answer fills this style's field; only that field is checked and kept.
  const ask = async (conversation: ChatCompletionMessageParam[], followUp = false): Promise<GenerateStructuredResult<T>> => {
    if (!paperSchema) return generateStructured({ ...call, messages: conversation, schema: request.schema, schemaName: request.schemaName, promptCacheKey, followUp });
    const field = z.object({ [request.style]: request.schema });
    const answer = await generateStructured({ ...call, messages: conversation, schema: field, schemaName: PAPER_SCHEMA_NAME, responseSchema: paperSchema, promptCacheKey, followUp });
    return { ...answer, value: (answer.value as Record<string, T>)[request.style]! };
  };

  let answer = await ask(messages);
  attempts += answer.attempts;
  const truncation = detectSilentTruncation(messages, answer.usage.inputTokens / answer.attempts);
  let content = answer.value;
  const admitFollowUp = call.admitRepair ?? (() => true);

  // A follow-up that fails with the endpoint's errors keeps the answer already paid for and valid, flagged as it stands.
  const askAgain = async (feedback: string) => {
    try {
      const next = await ask([...answer.messages, { role: 'user', content: feedback }], true);
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

// A prompt file written before prompts/paper.md holds the paper itself: it is sent as it was, paper and all.
function holdsPaper(template: string): boolean {
  return /\{\{\s*paperText\s*\}\}/.test(template);
}
