import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Brief } from '../brief/brief-schema.js';
import { buildGroundingFeedback } from '../brief/checks/build-grounding-feedback.js';
import { detectInjection } from '../brief/checks/detect-injection.js';
import { findUngroundedNumbersInTexts } from '../brief/checks/find-ungrounded-numbers.js';
import type { Prompts } from '../brief/load-prompts.js';
import { renderPrompt } from '../brief/render-prompt.js';
import type { Config } from '../config/config-schema.js';
import { PaperError } from '../errors/brief-error.js';
import type { EndpointBreaker } from '../llm/endpoint-breaker.js';
import { generateStructured } from '../llm/generate-structured.js';
import { LlmError } from '../llm/llm-error.js';
import { createUsageMeter, type UsageMeter } from '../llm/usage-meter.js';
import { buildPodcastScriptSchema } from '../styles/podcast-script-schema.js';
import { type PodcastScript, PodcastScriptSchema } from '../styles/podcast-script.js';
import type { StylePrompt } from '../styles/load-style-prompt.js';
import { describeGeneration } from './describe-generation.js';
import { planPaperInput } from './plan-paper-input.js';
import type { PaperText } from './paper-text.js';
import { writeSectionNotes } from './write-section-notes.js';

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
}

/**
 * The podcast style for one paper, written from its checked brief and its full text, with the brief's
 * safeguards: strict structured output and repair, numbers grounded in the paper (one round back),
 * hidden instructions flagged, and what of the paper the model read recorded.
 */
export async function generatePodcastScript(brief: Brief, paperText: PaperText, dependencies: GeneratePodcastScriptDependencies): Promise<PodcastScript> {
  const { config, prompts, stylePrompt, llm, hosts, meter = createUsageMeter(), breaker, admitCall = () => true, now = () => new Date(), signal } = dependencies;
  const { paper } = brief;
  const startedAt = performance.now();
  const retry = { maxRetryAfterMs: config.maxRetryAfterMs, signal, meter, ...(breaker ? { breaker } : {}) };
  const call = { client: llm, model: config.model, maxAttempts: config.maxAttempts, signal, retry, admitRepair: admitCall };
  const schema = buildPodcastScriptSchema(hosts);
  let attempts = 0;
  try {
    const input = planPaperInput(paperText.text, { ...prompts, brief: stylePrompt.text }, config);
    let modelText = input.text;
    if (input.chunks) {
      const notes = await writeSectionNotes(paper, input.chunks, { ...call, prompt: prompts.sectionNotes, admitCall });
      attempts += notes.calls;
      modelText = notes.text;
    }
    if (!admitCall()) throw new LlmError('the --max-cost budget is reached before the podcast segment');
    const values = {
      title: paper.title,
      authors: paper.authors.join(', '),
      abstract: paper.abstract,
      paperText: modelText,
      brief: describeBrief(brief),
      hosts: hosts.join(' and '),
      hostInstructions: hosts.length > 1 ? `${hosts[0]} hosts and ${hosts.slice(1).join(', ')} joins as the guest; they take turns.` : `${hosts[0]} speaks alone.`,
    };
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: prompts.system },
      { role: 'user', content: renderPrompt(stylePrompt.text, values) },
    ];
    const first = await generateStructured({ ...call, messages, schema, schemaName: 'podcast_segment' });
    attempts += first.attempts;
    let content = first.value;
    const spokenTexts = () => content.turns.map((turn) => turn.text);
    if (findUngroundedNumbersInTexts(spokenTexts(), paperText.text).length > 0 && admitCall()) {
      const feedback = buildGroundingFeedback(findUngroundedNumbersInTexts(spokenTexts(), paperText.text)).replace('your brief', 'your script');
      try {
        const repaired = await generateStructured({ ...call, messages: [...first.messages, { role: 'user', content: feedback }], schema, schemaName: 'podcast_segment' });
        attempts += repaired.attempts;
        content = repaired.value;
      } catch (error) {
        // The first script is paid for and valid: it is kept with its numbers flagged.
        if (!(error instanceof LlmError)) throw error;
      }
    }
    const ungroundedNumbers = findUngroundedNumbersInTexts(spokenTexts(), paperText.text);
    const warnings = [
      ...(ungroundedNumbers.length > 0 ? [`numbers not found in the paper: ${ungroundedNumbers.join(', ')}`] : []),
      ...detectInjection(paperText.text).map((finding) => `the paper text contains text that looks like instructions to an AI: "${finding.excerpt}"`),
    ];
    const { usage } = meter;
    return PodcastScriptSchema.parse({
      schemaVersion: 1,
      style: 'podcast',
      paperId: paper.id,
      version: paper.version,
      title: paper.title,
      hosts: [...hosts],
      turns: content.turns,
      checks: { ungroundedNumbers, warnings: [...new Set(warnings)] },
      generation: describeGeneration({ config, promptVersion: stylePrompt.version, now: now(), startedAt, attempts, usage, paperText, paperInput: input }),
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
