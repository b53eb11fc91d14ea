import type { Edition } from '../edition/edition.js';
import { describeFailure } from '../errors/describe-failure.js';
import type { PaperContext } from '../paper/create-paper-context.js';
import type { ProgressReporter } from '../run/progress-reporter.js';
import { publishEpisode } from './publish-episode.js';
import type { RunStep } from '../run/run-report.js';
import type { SpendBudget } from '../run/spend-budget.js';

/** The night's podcast step (`nightly --podcast`), after publishing: recorded in the report, never thrown past it. */
export async function podcastEpisodeStep(context: PaperContext, edition: Edition, options: { budget: SpendBudget; reporter: ProgressReporter; signal?: AbortSignal }): Promise<RunStep> {
  const { reporter } = options;
  const startedAt = performance.now();
  try {
    const episode = await publishEpisode(context, edition, {
      top: context.config.podcastTop,
      budget: options.budget,
      log: (line) => reporter.log(line),
      warn: (line) => reporter.warn(line),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const { record } = episode;
    const left = episode.failed.length > 0 ? `; without ${episode.failed.map((paper) => paper.id).join(', ')} (no segment)` : '';
    const detail = `${record.mp3}: ${(record.durationMs / 60_000).toFixed(1)} min, ${record.chapters.length} chapters${left}`;
    reporter.log(`podcast: ${detail}`);
    return {
      ok: episode.failed.length === 0,
      detail,
      paths: [record.mp3, record.transcript, ...(episode.feedPath ? [episode.feedPath] : [])],
      durationMs: Math.round(performance.now() - startedAt),
      costUsd: record.cost.totalUsd,
    };
  } catch (error) {
    const message = describeFailure(error);
    reporter.error(`the podcast episode of ${edition.date} failed (\`summarize podcast --date ${edition.date}\` retries it, paying only for what is missing): ${message}`);
    return { ok: false, detail: message, durationMs: Math.round(performance.now() - startedAt) };
  }
}
