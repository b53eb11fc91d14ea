import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { type Brief, type BriefContent, BriefContentSchema, BriefSchema, type Checks, type PaperMetadata } from '../brief/brief-schema.js';
import { countTokens } from '../text/count-tokens.js';
import { balanceAnswerPositions } from '../brief/checks/balance-answer-positions.js';
import { buildChecks } from '../brief/checks/build-checks.js';
import { buildGroundingFeedback } from '../brief/checks/build-grounding-feedback.js';
import { findUngroundedNumbers } from '../brief/checks/find-ungrounded-numbers.js';
import type { Prompts } from '../brief/load-prompts.js';
import { renderPrompt } from '../brief/render-prompt.js';
import type { Config } from '../config/config-schema.js';
import { PaperError } from '../errors/brief-error.js';
import { generateStructured } from '../llm/generate-structured.js';
import { LlmError } from '../llm/llm-error.js';
import type { EndpointBreaker } from '../llm/endpoint-breaker.js';
import { createUsageMeter, type UsageMeter } from '../llm/usage-meter.js';
import { describeGeneration } from './describe-generation.js';
import { planPaperInput } from './plan-paper-input.js';
import { writeSectionNotes } from './write-section-notes.js';
import type { PaperText } from './paper-text.js';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';

export interface GenerateBriefDependencies {
  config: Config;
  prompts: Prompts;
  llm: OpenAI;
  /** Records every request and its usage as it is paid for, so the caller counts the spend even when this fails. */
  meter?: UsageMeter;
  /** The run's breaker for a dead endpoint; none for a single paper. */
  breaker?: EndpointBreaker;
  /** Asked before each call beyond the first (repairs, the grounding round); false skips it. Default: always. */
  admitFollowUp?: () => boolean;
  /** Asked before each further call already estimated (the parts of a long paper, then its brief); false stops the paper. */
  admitCall?: () => boolean;
  /** Default: the system clock; tests fix it. */
  now?: () => Date;
  signal?: AbortSignal;
}

/** Asks the model for the brief of one paper, checks it against the paper, and returns the full document. */
export async function generateBrief(paper: PaperMetadata, paperText: PaperText, dependencies: GenerateBriefDependencies): Promise<Brief> {
  const { config, prompts, llm, meter = createUsageMeter(), breaker, admitFollowUp = () => true, admitCall = () => true, now = () => new Date(), signal } = dependencies;
  const startedAt = performance.now();
  const retry = { maxRetryAfterMs: config.maxRetryAfterMs, signal, meter, ...(breaker ? { breaker } : {}) };
  const call = { client: llm, model: config.model, maxAttempts: config.maxAttempts, signal, retry, admitRepair: admitFollowUp };
  let attempts = 0;

  try {
    const input = planPaperInput(paperText.text, prompts, config);
    let modelText = input.text;
    if (input.chunks) {
      const notes = await writeSectionNotes(paper, input.chunks, { ...call, prompt: prompts.sectionNotes, admitCall });
      attempts += notes.calls;
      modelText = notes.text;
      if (!admitCall()) throw new LlmError(`the --max-cost budget is reached: the notes on all ${input.chunks.length} parts are written, the brief is not`);
    }

    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: prompts.system },
      { role: 'user', content: renderPrompt(prompts.brief, promptValues(paper, modelText)) },
    ];
    const first = await generateStructured({ ...call, messages, schema: BriefContentSchema, schemaName: 'paper_brief' });
    attempts += first.attempts;
    const truncation = detectSilentTruncation(messages, first.usage.inputTokens / first.attempts);
    let content: BriefContent = first.value;

    // One grounding round: numbers the paper does not contain go back to the model once (they stay flagged if the budget says no).
    const ungrounded = findUngroundedNumbers(content, paperText.text);
    if (ungrounded.length > 0 && admitFollowUp()) {
      try {
        const repaired = await generateStructured({
          ...call,
          messages: [...first.messages, { role: 'user', content: buildGroundingFeedback(ungrounded) }],
          schema: BriefContentSchema,
          schemaName: 'paper_brief',
        });
        attempts += repaired.attempts;
        content = repaired.value;
      } catch (error) {
        // The first brief is paid for and valid: kept with its numbers flagged, as when the budget refuses the round.
        if (!(error instanceof LlmError) || signal?.aborted) throw error;
        attempts += 1;
      }
    }

    content = { ...content, quiz: balanceAnswerPositions(content.quiz, formatArxivId(paper)) };
    const { usage } = meter;
    return BriefSchema.parse({
      schemaVersion: 1,
      paper,
      tldr: content.tldr,
      summary: content.summary,
      critique: content.critique,
      quiz: content.quiz,
      flowchart: content.flowchart,
      checks: withWarning(buildChecks(content, paperText.text), truncation),
      generation: describeGeneration({ config, promptVersion: prompts.version, now: now(), startedAt, attempts, usage, paperText, paperInput: input }),
    });
  } catch (error) {
    // What the paper spent is on the caller's meter; the error says where and why it failed.
    if (error instanceof LlmError) throw new PaperError(paper.id, 'generate', error.message, { cause: error });
    throw error;
  }
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

// Below half of what was sent, the server read only part of the prompt: Ollama cuts to its context length without a word.
const TRUNCATION_RATIO = 0.5;
const TRUNCATION_MIN_TOKENS = 500;

function detectSilentTruncation(messages: ChatCompletionMessageParam[], reportedPromptTokens: number): string | undefined {
  const sentTokens = countTokens(messages.map((message) => (typeof message.content === 'string' ? message.content : '')).join('\n'));
  if (sentTokens < TRUNCATION_MIN_TOKENS || reportedPromptTokens <= 0 || reportedPromptTokens >= sentTokens * TRUNCATION_RATIO) return undefined;
  return `the server counted ${Math.round(reportedPromptTokens)} prompt tokens for about ${sentTokens} sent: it may have cut the paper (Ollama: raise OLLAMA_CONTEXT_LENGTH, or set SUMMARIZE_MAX_INPUT_TOKENS to its context)`;
}

function withWarning(checks: Checks, warning: string | undefined): Checks {
  return warning === undefined ? checks : { ...checks, warnings: [...checks.warnings, warning] };
}
