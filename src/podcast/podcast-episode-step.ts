import type { Edition } from '../edition/edition.js';
import { describeFailure } from '../errors/describe-failure.js';
import type { PaperContext } from '../paper/create-paper-context.js';
import type { ProgressReporter } from '../run/progress-reporter.js';
import { describeEpisodeStep } from './describe-episode-step.js';
import type { RunStep } from '../run/run-report.js';
import type { SpendBudget } from '../run/spend-budget.js';

/** The night's podcast step (`nightly --podcast`), after publishing: recorded in the report, never thrown past it. */
export async function podcastEpisodeStep(context: PaperContext, edition: Edition, options: { budget: SpendBudget; reporter: ProgressReporter; signal?: AbortSignal }): Promise<RunStep> {
  const { reporter } = options;
  const startedAt = performance.now();
  // What was paid is counted as it is paid: a step that fails after paid chunks still reports them.
  let spentUsd: number | null = 0;
  try {
    // Speech, MP3 encoding and cover art load only on the nights that make an episode.
    const { publishEpisode } = await import('./publish-episode.js');
    const episode = await publishEpisode(context, edition, {
      top: context.config.podcastTop,
      budget: options.budget,
      log: (line) => reporter.log(line),
      warn: (line) => reporter.warn(line),
      onSpent: (usd) => {
        spentUsd = usd === null || spentUsd === null ? null : spentUsd + usd;
      },
      signal: options.signal,
    });
    const step = describeEpisodeStep(episode, performance.now() - startedAt);
    reporter.log(`podcast: ${step.detail}`);
    return step;
  } catch (error) {
    const message = describeFailure(error);
    reporter.error(`the podcast episode of ${edition.date} failed (\`summarize podcast --date ${edition.date}\` retries it, paying only for what is missing): ${message}`);
    return { ok: false, detail: message, durationMs: Math.round(performance.now() - startedAt), costUsd: spentUsd };
  }
}
