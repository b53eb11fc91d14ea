import type { Generation, Usage } from '../brief/brief-schema.js';
import type { Config } from '../config/config-schema.js';
import { computeCostUsd } from '../llm/compute-cost-usd.js';
import type { PaperInput } from './plan-paper-input.js';
import type { PaperText } from './paper-text.js';

/** The `generation` record every written result carries: model, prompt, time, calls, spend, and what of the paper was read. */
export function describeGeneration(input: {
  config: Config;
  promptVersion: string;
  now: Date;
  startedAt: number;
  attempts: number;
  usage: Usage;
  paperText: PaperText;
  paperInput: PaperInput;
}): Generation {
  const { config, usage, paperText, paperInput } = input;
  return {
    model: config.model,
    promptVersion: input.promptVersion,
    generatedAt: input.now.toISOString(),
    durationMs: Math.round(performance.now() - input.startedAt),
    attempts: input.attempts,
    usage,
    costUsd: computeCostUsd(config.model, usage, config.prices),
    source: {
      kind: 'pdf',
      pages: paperText.pageCount,
      chars: paperText.text.length,
      tokens: paperInput.tokens,
      truncated: paperInput.dropped.length > 0 || paperInput.chunks !== null,
      referencesRemoved: paperText.referencesRemoved,
      dropped: paperInput.dropped,
      mapReduce: paperInput.chunks !== null,
    },
    // Absent means English, as in every brief written before languages: their JSON stays as it was.
    ...(config.language === 'en' ? {} : { language: config.language }),
  };
}
