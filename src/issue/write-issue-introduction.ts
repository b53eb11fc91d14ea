import type OpenAI from 'openai';
import type { Brief } from '../brief/brief-schema.js';
import { findUngroundedNumbersInTexts } from '../brief/checks/find-ungrounded-numbers.js';
import { renderPrompt } from '../brief/render-prompt.js';
import type { Config } from '../config/config-schema.js';
import { BriefError } from '../errors/brief-error.js';
import { IssueIntroductionSchema } from './issue-introduction-schema.js';
import type { IssueRecord } from './issue-record.js';
import { describeLanguageInstruction } from '../language/describe-language-instruction.js';
import { computeCostUsd } from '../llm/compute-cost-usd.js';
import { generateStructured } from '../llm/generate-structured.js';
import { LlmError } from '../llm/llm-error.js';
import { createUsageMeter } from '../llm/usage-meter.js';
import type { StylePrompt } from '../brief/load-style-prompt.js';
import { buildLlmCall } from '../prompt/build-llm-call.js';

export type IssueIntroduction = IssueRecord['introduction'];

/**
 * The issue's one-paragraph introduction, written from the chosen papers' briefs (not their full text: it
 * names themes, not results). Its numbers are checked against those briefs and flagged, never invented silently.
 */
export async function writeIssueIntroduction(
  briefs: readonly Brief[],
  options: { config: Config; llm: OpenAI; prompt: StylePrompt; systemPrompt: string; periodTitle: string; now?: () => Date; signal?: AbortSignal | undefined },
): Promise<IssueIntroduction> {
  const { config, prompt } = options;
  const notes = describeIssuePapers(briefs);
  const meter = createUsageMeter();
  const call = buildLlmCall(config, options.llm, { meter, signal: options.signal, admitRepair: () => true });
  try {
    const answer = await generateStructured({
      ...call,
      messages: [
        { role: 'system', content: options.systemPrompt },
        { role: 'user', content: `${renderPrompt(prompt.text, { period: options.periodTitle, papers: notes })}${describeLanguageInstruction(config.language)}` },
      ],
      schema: IssueIntroductionSchema,
      schemaName: 'issue_introduction',
    });
    const text = answer.value.introduction;
    const ungroundedNumbers = findUngroundedNumbersInTexts([text], notes);
    return {
      text,
      checks: { ungroundedNumbers, warnings: ungroundedNumbers.length > 0 ? [`numbers not found in the papers' briefs: ${ungroundedNumbers.join(', ')}`] : [] },
      model: config.model,
      promptVersion: prompt.version,
      generatedAt: (options.now ?? (() => new Date()))().toISOString(),
      usage: meter.usage,
      costUsd: computeCostUsd(config.model, meter.usage, config.prices),
    };
  } catch (error) {
    if (error instanceof LlmError) throw new BriefError(`the introduction of the issue could not be written: ${error.message}`, { cause: error });
    throw error;
  }
}

/** What the introduction is written from: each chosen paper's title, TLDR and results, in the issue's order. */
export function describeIssuePapers(briefs: readonly Brief[]): string {
  return briefs.map((brief, index) => `${index + 1}. ${brief.paper.title}\n${brief.tldr ?? brief.summary.topicAndDomain}\n${brief.summary.resultsAndEvaluation}`).join('\n\n');
}

/** Output tokens of a typical introduction (a paragraph; reasoning models think on top), for the dry run. */
export const INTRODUCTION_OUTPUT_TOKENS = 1_000;
