import type { Config } from '../config/config-schema.js';
import { describeFailure } from '../errors/describe-failure.js';
import type { ProgressReporter } from './progress-reporter.js';
import type { RunStep } from './run-report.js';
import { sendEdition } from './send-edition.js';

/** The night's send step (`nightly --send`), under the run's lock; recorded in the report, never thrown past it. */
export async function sendEditionStep(config: Config, date: string, reporter: ProgressReporter): Promise<RunStep> {
  try {
    const result = await sendEdition(config, { date, dryRun: false, resend: false, log: (line) => reporter.log(line) });
    if (result.outcome === 'done') reporter.log(result.summary);
    else reporter.error(result.summary);
    return { ok: result.outcome === 'done', detail: result.summary };
  } catch (error) {
    const message = describeFailure(error);
    reporter.error(`mailing the edition of ${date} failed (\`summarize send --date ${date}\` retries it): ${message}`);
    return { ok: false, detail: message };
  }
}
