import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { PaperMetadata } from '../brief/brief-schema.js';
import { buildGroundingFeedback } from '../brief/checks/build-grounding-feedback.js';
import type { Prompts } from '../brief/load-prompts.js';
import { renderPrompt } from '../brief/render-prompt.js';
import type { StyleName } from '../brief/style-names.js';
import type { Config } from '../config/config-schema.js';
import { generateStructured, type GenerateStructuredOptions } from '../llm/generate-structured.js';
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
import { describeAnswerFields } from '../prompt/describe-answer-fields.js';
import { holdsPaper } from '../prompt/holds-paper.js';
import { buildRepairMessage } from '../llm/build-repair-message.js';
import { NoValidOutputError } from '../llm/no-valid-output-error.js';
import { validateWithSchema } from '../llm/validate-with-schema.js';

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
  const [outcome] = await writeGroundedContents(paper, paperText, [request as GroundedContentRequest<unknown>], dependencies);
  if ('error' in outcome!) throw outcome.error;
  return outcome!.written as WrittenContent<T>;
}

/** One style's part of a call for several: its text, or why it has none (the others may still have theirs). */
export type GroundedOutcome =
  | { written: WrittenContent<unknown> }
  | {
      error: unknown;
      /** The calls that asked for this style. */
      attempts: number;
    };

/**
 * Several styles of a paper in one call, each in its field of the paper's one schema, so the paper is read once
 * for all of them: each field is checked on its own, and a repair, the language round and the grounding round
 * ask again only for the fields that need them, in the same conversation. Throws when the call itself fails.
 */
export async function writeGroundedContents(paper: PaperMetadata, paperText: PaperText, requests: ReadonlyArray<GroundedContentRequest<unknown>>, dependencies: GroundedContentDependencies): Promise<GroundedOutcome[]> {
  const { config, prompts, call, admitCall, figures = [] } = dependencies;
  const [first] = requests;
  if (!first) return [];
  const sharedPrefix = !holdsPaper(first.template);
  // A prompt file that holds the paper gives its own whole message: it cannot share a call.
  if (requests.some((request) => holdsPaper(request.template)) && requests.length > 1) throw new Error('styles whose prompt holds the paper are asked one by one');
  let sharedAttempts = 0;
  const input = sharedPrefix ? planPaperInput(paperText.text, prompts, config) : planPaperInput(paperText.text, prompts, config, { template: first.template });
  const label = requests.map((request) => request.label).join(' and ');
  let modelText = input.text;
  if (input.chunks) {
    const notesOptions = { ...call, prompt: prompts.sectionNotes, admitCall, promptCacheKey: sharedPrefix ? buildPromptCacheKey(paper, config) : undefined };
    const notes = sharedPrefix ? await ensureSectionNotes(paper, input.chunks, { ...notesOptions, cacheDir: config.cacheDir }) : await writeSectionNotes(paper, input.chunks, notesOptions);
    sharedAttempts += notes.calls;
    modelText = notes.text;
    if (!admitCall()) throw new LlmError(`the --max-cost budget is reached: the notes on all ${input.chunks.length} parts are written, the ${label} is not`);
  }

  const styles = listPaperStyles([...config.styles, ...requests.map((request) => request.style)]);
  const paperSchema = sharedPrefix ? buildPaperSchema(styles, { figures, hosts: config.podcastHosts }) : null;
  const values = describePaper(paper, modelText);
  const messages = buildPaperMessages({
    system: prompts.system,
    paperBlock: sharedPrefix ? renderPaperBlock(prompts.paper, paper, modelText, needsFigures(styles) ? figures : null) : null,
    instructions: requests.map((request) => renderPrompt(request.template, { ...values, ...request.extraValues })),
    language: describeLanguageInstruction(first.language),
    fields: paperSchema ? requests.map((request) => request.style) : [],
  });
  // A key per paper keeps its calls together; a paper with one call shares only with other papers, so it sends none.
  const promptCacheKey = paperSchema ? buildPromptCacheKey(paper, config) : undefined;
  const states: FieldState[] = requests.map((request) => ({ request, attempts: sharedAttempts }));
  // With the paper's schema the answer fills the asked fields; only they are checked and kept. `checked` false takes
  // any JSON (the server held it to the schema) and leaves each field to be checked on its own.
  const ask = async (conversation: ChatCompletionMessageParam[], asked: readonly FieldState[], options: { followUp: boolean; checked: boolean; maxAttempts?: number }) => {
    const attemptsAllowed = options.maxAttempts ?? call.maxAttempts;
    if (!paperSchema) {
      const answer = await generateStructured({ ...call, maxAttempts: attemptsAllowed, messages: conversation, schema: first.schema, schemaName: first.schemaName, promptCacheKey, followUp: options.followUp });
      return { ...answer, values: [answer.value] };
    }
    const fields = z.object(Object.fromEntries(asked.map((state) => [state.request.style, options.checked ? state.request.schema : z.unknown()])));
    const answer = await generateStructured({ ...call, maxAttempts: attemptsAllowed, messages: conversation, schema: fields, schemaName: PAPER_SCHEMA_NAME, responseSchema: paperSchema, promptCacheKey, followUp: options.followUp });
    return { ...answer, values: asked.map((state) => (answer.value as Record<string, unknown>)[state.request.style]) };
  };

  let answer = await ask(messages, states, { followUp: false, checked: states.length === 1 });
  const truncation = detectSilentTruncation(messages, answer.usage.inputTokens / answer.attempts);
  const unusable: Array<{ state: FieldState; issues: string[] }> = [];
  states.forEach((state, index) => {
    state.attempts += answer.attempts;
    const { style, schema } = state.request;
    // Checked under its field's name, so each problem names the field it is in (`blurb: the text has 5 words…`).
    const validated = states.length === 1 ? { success: true as const, value: { [style]: answer.values[index] } } : validateWithSchema(z.object({ [style]: schema }), { [style]: answer.values[index] });
    if (validated.success) state.content = validated.value[style];
    else unusable.push({ state, issues: validated.issues });
  });
  const admitFollowUp = call.admitRepair ?? (() => true);

  // A field that does not match its schema is asked again alone, with what was wrong; the valid ones are kept.
  if (unusable.length > 0) {
    const asked = unusable.map((entry) => entry.state);
    const issues = unusable.flatMap((entry) => entry.issues);
    const repair = `${buildRepairMessage({ kind: 'schema', issues }, PAPER_SCHEMA_NAME)}\n${describeAnswerFields(asked.map((state) => state.request.style))}`;
    if (call.maxAttempts < 2 || !admitFollowUp()) {
      if (call.maxAttempts >= 2) issues.push('no repair was attempted: the --max-cost budget is reached');
      const error = new NoValidOutputError({ schemaName: PAPER_SCHEMA_NAME, rawText: answer.rawText, finishReason: answer.finishReason, issues, usage: answer.usage, attempts: answer.attempts });
      for (const state of asked) state.error = error;
    } else {
      try {
        const next = await ask([...answer.messages, { role: 'user', content: repair }], asked, { followUp: true, checked: true, maxAttempts: call.maxAttempts - 1 });
        answer = next;
        asked.forEach((state, index) => {
          state.attempts += next.attempts;
          state.content = next.values[index];
        });
      } catch (error) {
        if (!(error instanceof NoValidOutputError)) throw error;
        for (const state of asked) {
          state.attempts += error.attempts;
          state.error = error;
        }
      }
    }
  }

  // A follow-up that fails with the endpoint's errors keeps the answers already paid for and valid, flagged as they stand.
  const askAgain = async (asking: Array<{ state: FieldState; feedback: string }>) => {
    const asked = asking.map((entry) => entry.state);
    const feedback = states.length === 1 ? asking[0]!.feedback : `${asking.map((entry) => entry.feedback).join('\n\n')}\n\n${describeAnswerFields(asked.map((state) => state.request.style))}`;
    try {
      const next = await ask([...answer.messages, { role: 'user', content: feedback }], asked, { followUp: true, checked: true });
      answer = next;
      asked.forEach((state, index) => {
        state.attempts += next.attempts;
        state.content = next.values[index];
      });
    } catch (error) {
      if (!(error instanceof LlmError) || call.signal?.aborted) throw error;
      for (const state of asked) state.attempts += 1;
    }
  };
  const written = () => states.filter((state) => state.error === undefined);
  const wrongLanguageOf = (state: FieldState) => findWrongLanguage(state.request.listTexts(state.content), state.request.language);

  // One language round: "I set Chinese and still got English" is the complaint this answers; still wrong, it is flagged.
  const inWrongLanguage = written().flatMap((state) => {
    const detected = wrongLanguageOf(state);
    return detected ? [{ state, feedback: buildLanguageFeedback(detected, state.request.language) }] : [];
  });
  if (inWrongLanguage.length > 0 && admitFollowUp()) await askAgain(inWrongLanguage);

  // One grounding round: numbers the paper does not contain go back to the model once (they stay flagged if the budget says no).
  const ungrounded = written().flatMap((state) => {
    const numbers = state.request.findUngrounded(state.content);
    return numbers.length > 0 ? [{ state, feedback: buildGroundingFeedback(numbers, state.request.label) }] : [];
  });
  if (ungrounded.length > 0 && admitFollowUp()) await askAgain(ungrounded);

  return states.map((state) => {
    if (state.error !== undefined) return { error: state.error, attempts: state.attempts };
    const wrongLanguage = wrongLanguageOf(state);
    return { written: { content: state.content, attempts: state.attempts, paperInput: input, ...(wrongLanguage ? { wrongLanguage } : {}), ...(truncation ? { truncation } : {}) } };
  });
}

// --- internal ---

// Where one style of a call stands: its calls so far (the shared ones count for each), its answer, or its failure.
interface FieldState {
  request: GroundedContentRequest<unknown>;
  attempts: number;
  content?: unknown;
  error?: NoValidOutputError;
}

