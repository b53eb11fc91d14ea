import type { Config } from '../config/config-schema.js';
import { describeFailure } from '../errors/describe-failure.js';
import { postEditionToChannels } from './post-edition-to-channels.js';
import type { ProgressReporter } from './progress-reporter.js';
import type { RunStep } from './run-report.js';
import { sendEdition } from './send-edition.js';

/** The night's send step (`nightly --send`): mail, then every chat channel, under the run's lock; recorded in the report, never thrown past it. */
export async function sendEditionStep(config: Config, date: string, reporter: ProgressReporter): Promise<RunStep> {
  const hasChannels = (config.webhooks?.length ?? 0) > 0;
  const steps: RunStep[] = [];
  if (config.mailTo !== undefined || !hasChannels) steps.push(await mailStep(config, date, reporter));
  if (hasChannels) steps.push(await channelsStep(config, date, reporter));
  return { ok: steps.every((step) => step.ok), detail: steps.map((step) => step.detail).join('; ') };
}

// --- internal ---

async function mailStep(config: Config, date: string, reporter: ProgressReporter): Promise<RunStep> {
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

// One failing channel is reported; the others were still posted.
async function channelsStep(config: Config, date: string, reporter: ProgressReporter): Promise<RunStep> {
  try {
    const run = await postEditionToChannels(config, { date, resend: false, log: (line) => reporter.log(line) });
    for (const result of run.results) {
      if (result.ok) reporter.log(result.summary);
      else reporter.error(`${result.summary} (\`summarize send --channels-only --date ${date}\` retries it)`);
    }
    return { ok: run.outcome === 'done', detail: run.results.map((result) => result.summary).join('; ') };
  } catch (error) {
    const message = describeFailure(error);
    reporter.error(`posting the edition of ${date} to the chat channels failed (\`summarize send --channels-only --date ${date}\` retries it): ${message}`);
    return { ok: false, detail: message };
  }
}
