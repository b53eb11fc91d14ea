import type { Brief } from '../brief/brief-schema.js';
import type { Config } from '../config/config-schema.js';
import { BriefError } from '../errors/brief-error.js';
import { writeDigest } from '../output/digest-store.js';
import type { ProgressReporter } from './progress-reporter.js';
import type { RunStep } from './run-report.js';

/** Writes the day's digest, editions and feeds; a failure is recorded and reported, never thrown past the run report. */
export async function publishEditionStep(config: Config, date: string, briefs: readonly Brief[], reporter: ProgressReporter): Promise<RunStep> {
  try {
    const paths = await writeDigest(config.outputDir, date, briefs, { publicUrl: config.publicUrl });
    return { ok: true, detail: `the edition of ${date} with ${briefs.length} papers`, paths: [paths.markdown, paths.html, paths.json] };
  } catch (error) {
    const message = error instanceof BriefError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    reporter.error(`publishing the edition of ${date} failed (the briefs are written; \`summarize digest --date ${date}\` retries it): ${message}`);
    return { ok: false, detail: message };
  }
}
