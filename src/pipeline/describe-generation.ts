import type { Generation, Source, Usage } from '../brief/brief-schema.js';
import type { Config } from '../config/config-schema.js';
import { computeCostUsd } from '../llm/compute-cost-usd.js';

/** The provenance every stored text carries: which model and prompts, when, how long, how many calls, what it cost, what it read. */
export function describeGeneration(
  config: Config,
  written: { promptVersion: string; attempts: number; usage: Usage; source: Source; startedAt: number; now: () => Date },
): Generation {
  return {
    model: config.model,
    promptVersion: written.promptVersion,
    generatedAt: written.now().toISOString(),
    durationMs: Math.round(performance.now() - written.startedAt),
    attempts: written.attempts,
    usage: written.usage,
    costUsd: computeCostUsd(config.model, written.usage, config.prices),
    source: written.source,
    // Absent means English, as in every brief written before languages: their JSON stays as it was.
    ...(config.language === 'en' ? {} : { language: config.language }),
  };
}
