import type { Config } from '../config/config-schema.js';
import type { Edition } from '../edition/edition.js';
import { describeFailure } from '../errors/describe-failure.js';
import type { ProgressReporter } from '../run/progress-reporter.js';
import { findUnchangedPublish } from '../publish/find-unchanged-publish.js';
import type { RunStep } from '../run/run-report.js';
import { formatCount } from '../format/format-count.js';

/** Loads the renderers while the papers are briefed, so a night with new briefs publishes as soon as they are done. */
export function preloadPublishing(): void {
  // A module that fails to load fails again, with its error, when the step imports it.
  import('../publish/publish-day.js').catch(() => undefined);
}

/** The night's publish step; a failure is recorded and reported, never thrown past the run report. */
export async function publishEditionStep(config: Config, edition: Edition, reporter: ProgressReporter): Promise<RunStep> {
  const startedAt = performance.now();
  try {
    // A rerun with nothing new rewrites nothing, and loads none of the renderers.
    const { unchanged, fingerprint } = await findUnchangedPublish(config, edition);
    if (unchanged) {
      const detail = `the edition of ${edition.date} with ${formatCount(edition.papers.length, 'paper')} is as published; nothing rewritten`;
      reporter.log(detail);
      return { ok: true, detail, paths: unchanged.paths, durationMs: Math.round(performance.now() - startedAt) };
    }
    const { publishDay } = await import('../publish/publish-day.js');
    const published = await publishDay(config, edition, (message) => reporter.warn(message), { fingerprint });
    return {
      ok: true,
      detail: `the edition of ${edition.date} with ${formatCount(edition.papers.length, 'paper')} (web ${published.webEditionBytes} bytes, email ${published.email.htmlBytes} bytes)`,
      paths: [published.markdown, published.html, published.email.html, published.email.text, published.index],
      durationMs: Math.round(performance.now() - startedAt),
    };
  } catch (error) {
    const message = describeFailure(error);
    reporter.error(`publishing the edition of ${edition.date} failed (the briefs are written; \`summarize digest --date ${edition.date}\` retries it): ${message}`);
    return { ok: false, detail: message };
  }
}
