import type { Config } from '../config/config-schema.js';
import { describeFailure } from '../errors/describe-failure.js';
import type { ChannelResult } from '../channels/post-to-channels.js';
import type { ProgressReporter } from '../run/progress-reporter.js';
import type { RunStep } from '../run/run-report.js';

/**
 * The night's send step (`nightly --send`): mail, then every chat channel, under the run's lock; recorded in the report, never thrown past it.
 * With `note`, a day without an edition (SUMMARIZE_NOTIFY_EMPTY): that one line goes out instead, once.
 */
export async function sendEditionStep(config: Config, date: string, reporter: ProgressReporter, note?: string): Promise<RunStep> {
  const hasChannels = (config.webhooks?.length ?? 0) > 0;
  // Only `nightly` knows a day had no papers: rerunning it is how a failed note is tried again.
  const retry = note === undefined ? { mail: `summarize send --date ${date}`, channels: `summarize send --channels-only --date ${date}` } : { mail: `summarize nightly --date ${date} --send`, channels: `summarize nightly --date ${date} --send` };
  const what = note === undefined ? `the edition of ${date}` : `the note that ${date} has no edition`;
  const steps: RunStep[] = [];
  const { hasMailReaders } = await import('../readers/has-mail-readers.js');
  if (hasMailReaders(config) || !hasChannels) steps.push(await mailStep(config, date, reporter, { note, what, retry: retry.mail }));
  if (hasChannels) steps.push(await channelsStep(config, date, reporter, { note, what, retry: retry.channels }));
  return { ok: steps.every((step) => step.ok), detail: steps.map((step) => step.detail).join('; ') };
}

// --- internal ---

type Sending = { note: string | undefined; what: string; retry: string };

async function mailStep(config: Config, date: string, reporter: ProgressReporter, { note, what, retry }: Sending): Promise<RunStep> {
  try {
    const log = (line: string) => reporter.log(line);
    // Mail's libraries (SMTP, CSS inlining) load only on the nights that send.
    const [{ sendEdition }, { sendEmptyDayNote }] = await Promise.all([import('../send/send-edition.js'), import('../send/send-empty-day-note.js')]);
    const result = note === undefined ? await sendEdition(config, { date, dryRun: false, log }) : await sendEmptyDayNote(config, { date, line: note, log });
    if (result.outcome === 'done') reporter.log(result.summary);
    else reporter.error(result.summary);
    return { ok: result.outcome === 'done', detail: result.summary };
  } catch (error) {
    const message = describeFailure(error);
    reporter.error(`mailing ${what} failed (\`${retry}\` retries it): ${message}`);
    return { ok: false, detail: message };
  }
}

// One failing channel is reported; the others were still posted.
async function channelsStep(config: Config, date: string, reporter: ProgressReporter, { note, what, retry }: Sending): Promise<RunStep> {
  try {
    const { postEditionToChannels } = await import('../send/post-edition-to-channels.js');
    const run = await postEditionToChannels(config, { date, note, log: (line) => reporter.log(line) });
    for (const result of run.results) {
      if (result.ok) reporter.log(result.summary);
      else reporter.error(`${result.summary}${describeRetry(result, retry, note)}`);
    }
    return { ok: run.outcome === 'done', detail: run.results.map((result) => result.summary).join('; ') };
  } catch (error) {
    const message = describeFailure(error);
    reporter.error(`posting ${what} to the chat channels failed (\`${retry}\` retries it): ${message}`);
    return { ok: false, detail: message };
  }
}

// A message that may have arrived is repeated only on request (`send --resend`; the note has no such flag).
function describeRetry(result: ChannelResult, retry: string, note: string | undefined): string {
  if (!result.uncertain) return ` (\`${retry}\` retries it)`;
  return note === undefined ? ` (once you have checked, \`${retry} --resend\` repeats it)` : '';
}
