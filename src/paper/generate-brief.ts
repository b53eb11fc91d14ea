import type OpenAI from 'openai';
import { type Brief, type BriefContent, BriefContentSchema, BriefSchema, type PaperMetadata } from '../brief/brief-schema.js';
import { balanceAnswerPositions } from '../brief/checks/balance-answer-positions.js';
import { buildChecks } from '../brief/checks/build-checks.js';
import { findUngroundedNumbers, listBriefTexts } from '../brief/checks/find-ungrounded-numbers.js';
import { describeWrongLanguage } from '../language/describe-wrong-language.js';
import { withWarnings } from '../brief/checks/with-warnings.js';
import type { Prompts } from '../brief/load-prompts.js';
import type { Config } from '../config/config-schema.js';
import { PaperError } from '../errors/brief-error.js';
import { LlmError } from '../llm/llm-error.js';
import type { CompletionBatch } from '../llm/completion-batch.js';
import type { EndpointBreaker } from '../llm/endpoint-breaker.js';
import { createUsageMeter, type UsageMeter } from '../llm/usage-meter.js';
import type { PaperText } from './paper-text.js';
import { describeGeneration } from './describe-generation.js';
import { writeGroundedContent } from './write-grounded-content.js';
import { buildLlmCall } from '../prompt/build-llm-call.js';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import type { AvailableFigure } from '../styles/style-definition.js';

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
  /** The paper's figures with number and caption, listed with the paper when a style of the run shows them; default: none. */
  figures?: AvailableFigure[];
  /** Answers the paper's calls through the Batch API (`--batch`); default: each call at once. */
  batch?: CompletionBatch;
}

/** Asks the model for the brief of one paper, checks it against the paper, and returns the full document. */
export async function generateBrief(paper: PaperMetadata, paperText: PaperText, dependencies: GenerateBriefDependencies): Promise<Brief> {
  const { config, prompts, llm, figures, meter = createUsageMeter(), breaker, admitFollowUp = () => true, admitCall = () => true, now = () => new Date(), signal, batch } = dependencies;
  const startedAt = performance.now();
  // The styles may ask beside the brief: the batch waits for each.
  const branch = batch?.branch();
  const call = buildLlmCall(config, llm, { meter, breaker, signal, admitRepair: admitFollowUp, batch: branch });

  try {
    const written = await writeGroundedContent(
      paper,
      paperText,
      {
        style: 'brief',
        template: prompts.brief,
        schema: BriefContentSchema,
        schemaName: 'paper_brief',
        label: 'brief',
        findUngrounded: (content) => findUngroundedNumbers(content, paperText.text),
        listTexts: listBriefTexts,
        language: config.language,
      },
      { config, prompts, call, admitCall, figures },
    );
    let content: BriefContent = written.content;
    content = { ...content, quiz: balanceAnswerPositions(content.quiz, formatArxivId(paper)) };
    return BriefSchema.parse({
      schemaVersion: 1,
      paper,
      tldr: content.tldr,
      summary: content.summary,
      critique: content.critique,
      quiz: content.quiz,
      flowchart: content.flowchart,
      checks: withWarnings(buildChecks(content, paperText.text), [written.truncation, describeWrongLanguage(written.wrongLanguage, config.language)]),
      generation: describeGeneration({ config, promptVersion: prompts.version, now: now(), startedAt, attempts: written.attempts, usage: meter.usage, paperText, paperInput: written.paperInput }),
    });
  } catch (error) {
    // What the paper spent is on the caller's meter; the error says where and why it failed.
    if (error instanceof LlmError) throw new PaperError(paper.id, 'generate', error.message, { cause: error });
    throw error;
  } finally {
    branch?.leave();
  }
}
