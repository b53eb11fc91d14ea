import { assertLlmConfigured, loadConfig } from '../../config/load-config.js';
import { UsageError } from '../../errors/brief-error.js';
import { parsePeriodFlags } from '../../issue/period.js';
import { parseLanguageTag } from '../../language/parse-language-tag.js';
import type { Outcome } from '../../run/outcome.js';
import { runIssue } from '../../issue/run-issue.js';
import { parseStyleNames } from '../../brief/parse-style-names.js';
import { isProseStyle, PROSE_STYLE_NAMES, type ProseStyleName } from '../../brief/style-names.js';
import type { CliIo } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { parsePositiveFlag } from '../parse-positive-flag.js';
import { createOneOffReporter } from '../progress/create-one-off-reporter.js';
import { renderDryRunTable } from '../render-dry-run-table.js';
import { formatUsd } from '../progress/format-usd.js';
import { watchInterrupts } from '../watch-interrupts.js';

const DEFAULT_TOP = 10;

/** `summarize issue --month 2025-09 | --week 2025-W37`: the period's issue in prose from the stored briefs. */
export async function runIssueCommand(argv: string[], io: CliIo): Promise<Outcome> {
  const { values, positionals } = parseCommandArgs('issue', argv, {
    month: { type: 'string' },
    week: { type: 'string' },
    top: { type: 'string' },
    style: { type: 'string' },
    language: { type: 'string' },
    model: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    // No default: without the flag, SUMMARIZE_BATCH decides.
    batch: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`issue: unexpected argument ${JSON.stringify(positionals[0])}`);
  const period = parsePeriodFlags(values, 'issue');
  const top = values.top === undefined ? DEFAULT_TOP : parsePositiveFlag('issue', '--top', values.top, true);
  const style = parseIssueStyle(values.style);
  const config = loadConfig({ env: io.env, flags: { model: values.model, outputDir: values.out, batch: values.batch, language: values.language === undefined ? undefined : parseLanguageTag(values.language) } });
  if (!values['dry-run']) assertLlmConfigured(config);
  const reporter = createOneOffReporter(io.stderr, { quiet: values.quiet });
  // Once texts are at the model, Ctrl-C lets them finish (they are paid for); a second one or SIGTERM abandons them.
  const interrupts = watchInterrupts(reporter);
  let result: Awaited<ReturnType<typeof runIssue>>;
  try {
    result = await runIssue(config, { period, style, top, dryRun: values['dry-run'] }, { reporter, stopSignal: interrupts.stopSignal, abortSignal: interrupts.abortSignal });
  } finally {
    interrupts.dispose();
  }
  if ('estimate' in result) {
    const { estimates, stored, introductionUsd } = result.estimate;
    io.stdout.write(renderDryRunTable(estimates, config.model, { batch: config.batch === 'on' }));
    io.stdout.write(`${stored} text(s) in the ${style} style stored: no call. Introduction: ${introductionUsd === null ? 'unknown (no price: set SUMMARIZE_PRICES)' : introductionUsd === 0 ? 'stored, no call' : `~${formatUsd(introductionUsd)}`}\n`);
    return 'done';
  }
  const cost = result.costUsd === null ? 'unknown (no price: set SUMMARIZE_PRICES)' : formatUsd(result.costUsd);
  reporter.log(`wrote ${result.paths.markdown}, ${result.paths.html} and ${result.paths.emailHtml}: ${result.papers} papers; ${result.calls} model call(s), ${cost}`);
  io.stdout.write(`${result.paths.markdown}\n`);
  return result.leftOut.length > 0 ? 'partial' : 'done';
}

// --- internal ---

// An issue is prose: one of the prose styles, blurb unless asked.
function parseIssueStyle(value: string | undefined): ProseStyleName {
  if (value === undefined) return 'blurb';
  const [style, ...more] = parseStyleNames(value);
  if (more.length > 0 || !style || !isProseStyle(style)) throw new UsageError(`issue: --style takes one of ${PROSE_STYLE_NAMES.join(', ')}`);
  return style;
}
