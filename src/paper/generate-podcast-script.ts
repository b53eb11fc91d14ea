import type { CompletionBatch } from '../llm/completion-batch.js';
import type OpenAI from 'openai';
import type { Brief } from '../brief/brief-schema.js';
import { buildTextChecks } from '../brief/checks/build-checks.js';
import { findUngroundedNumbersInTexts } from '../brief/checks/find-ungrounded-numbers.js';
import { withWarnings } from '../brief/checks/with-warnings.js';
import { describeWrongLanguage } from '../language/describe-wrong-language.js';
import type { Prompts } from '../brief/load-prompts.js';
import type { Config } from '../config/config-schema.js';
import { PaperError } from '../errors/brief-error.js';
import type { EndpointBreaker } from '../llm/endpoint-breaker.js';
import { LlmError } from '../llm/llm-error.js';
import { createUsageMeter, type UsageMeter } from '../llm/usage-meter.js';
import { buildPodcastScriptSchema } from '../styles/podcast-script-schema.js';
import { type PodcastScript, PodcastScriptSchema } from '../styles/podcast-script.js';
import type { StylePrompt } from '../brief/load-style-prompt.js';
import { describeGeneration } from './describe-generation.js';
import { writeGroundedContent } from './write-grounded-content.js';
import { buildLlmCall } from '../prompt/build-llm-call.js';
import type { PaperText } from './paper-text.js';
import type { AvailableFigure } from '../styles/style-definition.js';

export interface GeneratePodcastScriptDependencies {
  config: Config;
  prompts: Prompts;
  stylePrompt: StylePrompt;
  llm: OpenAI;
  hosts: readonly string[];
  meter?: UsageMeter;
  breaker?: EndpointBreaker;
  /** Asked before each call; false stops the segment (the --max-cost budget). */
  admitCall?: () => boolean;
  now?: () => Date;
  signal?: AbortSignal;
  /** The paper's figures, listed with the paper as in the calls of its other styles (when one shows them); default: none. */
  figures?: AvailableFigure[];
  /** Answers the segment's calls through the Batch API (`--batch`); default: each call at once. */
  batch?: CompletionBatch | undefined;
}

/**
 * The podcast style for one paper, written from its checked brief and its full text, with the brief's
 * safeguards: strict structured output and repair, numbers grounded in the paper (one round back),
 * hidden instructions flagged, and what of the paper the model read recorded.
 */
export async function generatePodcastScript(brief: Brief, paperText: PaperText, dependencies: GeneratePodcastScriptDependencies): Promise<PodcastScript> {
  const { config, prompts, stylePrompt, llm, hosts, figures, meter = createUsageMeter(), breaker, admitCall = () => true, now = () => new Date(), signal, batch } = dependencies;
  const { paper } = brief;
  const startedAt = performance.now();
  const call = buildLlmCall(config, llm, { meter, breaker, signal, admitRepair: admitCall, batch });
  const spokenTexts = (content: { turns: Array<{ text: string }> }) => content.turns.map((turn) => turn.text);
  // The segment is spoken in its brief's language: the one the reader asked for.
  const language = brief.generation.language ?? 'en';
  try {
    const written = await writeGroundedContent(
      paper,
      paperText,
      {
        style: 'podcast',
        template: stylePrompt.text,
        schema: buildPodcastScriptSchema(hosts),
        schemaName: 'podcast_segment',
        label: 'script',
        findUngrounded: (content) => findUngroundedNumbersInTexts(spokenTexts(content), paperText.text),
        extraValues: {
          brief: describeBrief(brief),
          hosts: hosts.join(' and '),
          hostInstructions: hosts.length > 1 ? `${hosts[0]} hosts and ${hosts.slice(1).join(', ')} joins as the guest; they take turns.` : `${hosts[0]} speaks alone.`,
        },
        listTexts: spokenTexts,
        language,
      },
      { config, prompts, call, admitCall, figures },
    );
    return PodcastScriptSchema.parse({
      schemaVersion: 1,
      style: 'podcast',
      paperId: paper.id,
      version: paper.version,
      title: paper.title,
      hosts: [...hosts],
      ...(language === 'en' ? {} : { language }),
      turns: written.content.turns,
      checks: withWarnings(buildTextChecks(spokenTexts(written.content), paperText.text), [written.truncation, describeWrongLanguage(written.wrongLanguage, language)]),
      generation: describeGeneration({ config: { ...config, language }, promptVersion: stylePrompt.version, now: now(), startedAt, attempts: written.attempts, usage: meter.usage, paperText, paperInput: written.paperInput }),
    });
  } catch (error) {
    if (error instanceof LlmError) throw new PaperError(paper.id, 'generate', error.message, { cause: error });
    throw error;
  }
}

// --- internal ---

function describeBrief(brief: Brief): string {
  const { summary, critique } = brief;
  return [
    `Topic: ${summary.topicAndDomain}`,
    `Previous research and new ideas: ${summary.previousResearchAndNewIdeas}`,
    `Problem: ${summary.problem}`,
    `Methods: ${summary.methods}`,
    `Results: ${summary.resultsAndEvaluation}`,
    `Strengths: ${critique.strengths.join(' ')}`,
    `Limitations: ${critique.limitations.join(' ')}`,
  ].join('\n');
}
