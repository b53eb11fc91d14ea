import type { PaperMetadata, Usage } from '../brief/brief-schema.js';
import { buildTextChecks } from '../brief/checks/build-checks.js';
import { findUngroundedNumbersInTexts } from '../brief/checks/find-ungrounded-numbers.js';
import { PaperError } from '../errors/brief-error.js';
import { LlmError } from '../llm/llm-error.js';
import { splitUsage } from '../llm/split-usage.js';
import { createUsageMeter } from '../llm/usage-meter.js';
import { describeWrongLanguage } from '../language/describe-wrong-language.js';
import { withWarnings } from '../brief/checks/with-warnings.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';
import type { ProseStyleName } from '../brief/style-names.js';
import { type StyleResult, StyleResultSchema } from '../brief/style-result-schema.js';
import type { PaperText } from './paper-text.js';
import { describeGeneration } from './describe-generation.js';
import type { GenerateBriefDependencies } from './generate-brief.js';
import { type GroundedContentRequest, type GroundedOutcome, writeGroundedContents } from './write-grounded-content.js';
import { buildLlmCall } from '../prompt/build-llm-call.js';
import { describeFigures } from '../prompt/describe-figures.js';

/** The brief's dependencies (meter: these styles' own, so their spend is theirs; figures: those they may show). */
export type GenerateStyleDependencies = GenerateBriefDependencies;

/** One style's outcome: its text, or why it has none, with what its share of the calls cost. */
export type GeneratedStyle = { style: ProseStyleName; result: StyleResult } | { style: ProseStyleName; error: unknown; usage: Usage; attempts: number };

/**
 * Asks the model for a paper in one or more prose styles in one call (each in its field), with the brief's repairs,
 * grounding round, checks and provenance; each style gets its own record. The calls' usage is shared among the
 * styles (see splitUsage: the prompt in equal parts, the output by each answer's length), so the records add up to
 * what was billed.
 */
export async function generateStyles(paper: PaperMetadata, paperText: PaperText, styleNames: readonly ProseStyleName[], dependencies: GenerateStyleDependencies): Promise<GeneratedStyle[]> {
  const { config, prompts, llm, figures = [], meter = createUsageMeter(), breaker, admitFollowUp = () => true, admitCall = () => true, now = () => new Date(), signal, batch } = dependencies;
  const missing = styleNames.find((name) => !prompts.styles[name]);
  if (missing) throw new PaperError(paper.id, 'generate', `the ${missing} prompt was not loaded; add ${missing} to SUMMARIZE_STYLES (or --style)`);
  const startedAt = performance.now();
  // The brief and other styles may ask beside these: the batch waits for each, and sends this call as one line.
  const branch = batch?.branch();
  const call = buildLlmCall(config, llm, { meter, breaker, signal, admitRepair: admitFollowUp, batch: branch });
  try {
    const requests = styleNames.map((name): GroundedContentRequest<unknown> => {
      const style = PROSE_STYLES[name];
      return {
        style: name,
        template: prompts.styles[name]!.text,
        schema: style.buildSchema({ figures }),
        schemaName: style.schemaName,
        label: name,
        findUngrounded: (content) => findUngroundedNumbersInTexts(style.listTexts(content), paperText.text),
        extraValues: { figures: describeFigures(figures) },
        listTexts: (content) => style.listTexts(content),
        language: config.language,
      };
    });
    // The call itself failing (the endpoint, no usable JSON) fails every style it asked for.
    const outcomes: GroundedOutcome[] = await writeGroundedContents(paper, paperText, requests, { config, prompts, call, admitCall, figures }).catch((error: unknown) => requests.map(() => ({ error, attempts: meter.requests })));
    const usages = splitUsage(meter.usage, outcomes.map((outcome) => ('written' in outcome ? JSON.stringify(outcome.written.content).length : 0)));
    return outcomes.map((outcome, index): GeneratedStyle => {
      const styleName = styleNames[index]!;
      const usage = usages[index]!;
      if ('error' in outcome) return { style: styleName, error: nameStyle(paper, styleName, outcome.error), usage, attempts: outcome.attempts };
      const { written } = outcome;
      const style = PROSE_STYLES[styleName];
      const result = StyleResultSchema.parse({
        schemaVersion: 1,
        style: styleName,
        language: config.language,
        paper,
        content: written.content,
        checks: withWarnings(buildTextChecks(style.listTexts(written.content), paperText.text), [written.truncation, describeWrongLanguage(written.wrongLanguage, config.language)]),
        generation: describeGeneration({ config, promptVersion: prompts.styles[styleName]!.version, now: now(), startedAt, attempts: written.attempts, usage, paperText, paperInput: written.paperInput }),
      });
      return { style: styleName, result };
    });
  } finally {
    branch?.leave();
  }
}

// --- internal ---

// The model's failures say which style they stopped; other errors (a bug, an abort) go as they are.
function nameStyle(paper: PaperMetadata, styleName: ProseStyleName, error: unknown): unknown {
  return error instanceof LlmError ? new PaperError(paper.id, 'generate', `${styleName}: ${error.message}`, { cause: error }) : error;
}
