import type { PaperMetadata } from '../brief/brief-schema.js';
import { buildTextChecks } from '../brief/checks/build-checks.js';
import { findUngroundedNumbersInTexts } from '../brief/checks/find-ungrounded-numbers.js';
import { PaperError } from '../errors/brief-error.js';
import { LlmError } from '../llm/llm-error.js';
import { createUsageMeter } from '../llm/usage-meter.js';
import { describeWrongLanguage } from '../language/describe-wrong-language.js';
import { withWarnings } from '../brief/checks/with-warnings.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';
import type { ProseStyleName } from '../brief/style-names.js';
import { type StyleResult, StyleResultSchema } from '../brief/style-result-schema.js';
import type { PaperText } from './paper-text.js';
import { describeGeneration } from './describe-generation.js';
import type { GenerateBriefDependencies } from './generate-brief.js';
import { writeGroundedContent } from './write-grounded-content.js';
import { buildLlmCall } from '../prompt/build-llm-call.js';
import { describeFigures } from '../prompt/describe-figures.js';

/** The brief's dependencies (meter: this style's own, so its spend is its own; figures: those it may show). */
export type GenerateStyleDependencies = GenerateBriefDependencies;

/** Asks the model for one paper in a prose style, with the brief's repairs, grounding round, checks and provenance. */
export async function generateStyle(paper: PaperMetadata, paperText: PaperText, styleName: ProseStyleName, dependencies: GenerateStyleDependencies): Promise<StyleResult> {
  const { config, prompts, llm, figures = [], meter = createUsageMeter(), breaker, admitFollowUp = () => true, admitCall = () => true, now = () => new Date(), signal, batch } = dependencies;
  const style = PROSE_STYLES[styleName];
  const prompt = prompts.styles[styleName];
  if (!prompt) throw new PaperError(paper.id, 'generate', `the ${styleName} prompt was not loaded; add ${styleName} to SUMMARIZE_STYLES (or --style)`);
  const startedAt = performance.now();
  // The brief and other styles may ask beside this one: the batch waits for each.
  const branch = batch?.branch();
  const call = buildLlmCall(config, llm, { meter, breaker, signal, admitRepair: admitFollowUp, batch: branch });
  try {
    const written = await writeGroundedContent(
      paper,
      paperText,
      {
        style: styleName,
        template: prompt.text,
        schema: style.buildSchema({ figures }),
        schemaName: style.schemaName,
        label: styleName,
        findUngrounded: (content) => findUngroundedNumbersInTexts(style.listTexts(content), paperText.text),
        extraValues: { figures: describeFigures(figures) },
        listTexts: (content) => style.listTexts(content),
        language: config.language,
      },
      { config, prompts, call, admitCall, figures },
    );
    return StyleResultSchema.parse({
      schemaVersion: 1,
      style: styleName,
      language: config.language,
      paper,
      content: written.content,
      checks: withWarnings(buildTextChecks(style.listTexts(written.content), paperText.text), [written.truncation, describeWrongLanguage(written.wrongLanguage, config.language)]),
      generation: describeGeneration({ config, promptVersion: prompt.version, now: now(), startedAt, attempts: written.attempts, usage: meter.usage, paperText, paperInput: written.paperInput }),
    });
  } catch (error) {
    if (error instanceof LlmError) throw new PaperError(paper.id, 'generate', `${styleName}: ${error.message}`, { cause: error });
    throw error;
  } finally {
    branch?.leave();
  }
}
