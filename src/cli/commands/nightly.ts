import { readFile } from 'node:fs/promises';
import { text as readStream } from 'node:stream/consumers';
import { parseAnnounceTypes } from '../../arxiv/announce-type.js';
import { resolveDay } from '../../arxiv/resolve-day.js';
import { assertLlmConfigured, loadConfig } from '../../config/load-config.js';
import { UsageError } from '../../errors/brief-error.js';
import { findModelPrice } from '../../llm/model-prices.js';
import { renderRankedTable } from '../../rank/render-ranked-table.js';
import type { PaperSource } from '../../night/collect-papers.js';
import type { Outcome } from '../../run/outcome.js';
import { runNightly } from '../../night/run-nightly.js';
import type { RankedPaper } from '../../rank/rank-papers.js';
import type { CliIo } from '../cli-io.js';
import { createProgressReporter } from '../progress/create-progress-reporter.js';
import { parseLanguageTag } from '../../language/parse-language-tag.js';
import { parseStyleNames } from '../../brief/parse-style-names.js';
import { parsePeriodFlags } from '../../issue/period.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { parsePositiveFlag } from '../parse-positive-flag.js';
import { renderDryRunTable } from '../render-dry-run-table.js';
import { watchInterrupts } from '../watch-interrupts.js';

/** `summarize nightly`: the day's papers from a source, summarized in a pipeline, a digest and a run report. */
export async function nightlyCommand(argv: string[], io: CliIo): Promise<Outcome> {
  const { values, positionals } = parseCommandArgs('nightly', argv, {
    date: { type: 'string' },
    source: { type: 'string' },
    category: { type: 'string', multiple: true },
    'ids-file': { type: 'string' },
    limit: { type: 'string' },
    'max-cost': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    // No default: without the flag, SUMMARIZE_BATCH decides.
    batch: { type: 'boolean' },
    model: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    language: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    send: { type: 'boolean', default: false },
    podcast: { type: 'boolean', default: false },
    style: { type: 'string' },
    // --- choosing papers ---
    announce: { type: 'string' },
    month: { type: 'string' },
    week: { type: 'string' },
    interests: { type: 'string' },
    rank: { type: 'string' },
    top: { type: 'string' },
    // No default: without the flag, SUMMARIZE_REPEAT decides.
    repeat: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`nightly: unexpected argument ${JSON.stringify(positionals[0])}; IDs go in --ids-file`);
  const date = resolveDay(values.date ?? 'today');
  const limit = values.limit === undefined ? undefined : parsePositiveFlag('nightly', '--limit', values.limit, true);
  const maxCostUsd = values['max-cost'] === undefined ? undefined : parsePositiveFlag('nightly', '--max-cost', values['max-cost'], false);
  const dryRun = values['dry-run'];
  const top = values.top === undefined ? undefined : parsePositiveFlag('nightly', '--top', values.top, true);
  const period = values.month === undefined && values.week === undefined ? undefined : parsePeriodFlags(values, 'nightly');
  if (period && (values.date !== undefined || values.send || values.podcast || (values.source ?? 'hf') !== 'hf' || values['ids-file'] !== undefined)) {
    throw new UsageError(`nightly: --${period.kind} collects Hugging Face's list of the ${period.kind} for \`summarize issue\`; it goes without --date, --send, --podcast, --ids-file and --source arxiv`);
  }
  const source = period ? ({ kind: 'hf', date: period.first, period } as const) : await resolveSource(values, date, io);

  const config = loadConfig({ env: io.env, flags: { model: values.model, outputDir: values.out, interestsPath: values.interests, batch: values.batch, styles: values.style === undefined ? undefined : parseStyleNames(values.style), language: values.language === undefined ? undefined : parseLanguageTag(values.language) } });
  if (!dryRun) assertLlmConfigured(config);
  if (maxCostUsd !== undefined && !findModelPrice(config.model, config.prices)) {
    throw new UsageError(`--max-cost needs the price of ${config.model}, which is not in the price table: set SUMMARIZE_PRICES`);
  }

  const reporter = createProgressReporter({ stream: io.stderr, quiet: values.quiet });
  const interrupts = watchInterrupts(reporter);
  try {
    const { report, reportPath, estimates } = await runNightly(
      { source, date: period?.first ?? date, limit, maxCostUsd, dryRun, force: values.force, send: values.send, podcast: values.podcast, rankFlag: values.rank, top, repeat: values.repeat, commandLine: `nightly ${argv.join(' ')}`.trim() },
      {
        config,
        reporter,
        stopSignal: interrupts.stopSignal,
        abortSignal: interrupts.abortSignal,
        ...(io.batchClock ? { batchClock: io.batchClock } : {}),
        // A dry run shows the ranked candidates before any PDF is requested.
        ...(dryRun ? { showRanking: (ranked: RankedPaper[]) => io.stdout.write(renderRankedTable(ranked, top)) } : {}),
      },
    );
    if (dryRun) io.stdout.write(renderDryRunTable(estimates, config.model, { batch: config.batch === 'on' }));
    reporter.finish(report.totals);
    const { totals } = report;
    // The reporter's closing line has the counts and spend; this one says where to look.
    reporter.log(
      `status ${report.status}${report.stopReason && report.status === 'stopped' ? ` (${report.stopReason})` : ''}` +
        `${totals.costUnknown ? ', spend excludes calls whose cost is unknown' : ''}; report ${reportPath}` +
        (report.digest ? `; digest ${report.digest.path}` : ''),
    );
    return report.outcome;
  } finally {
    interrupts.dispose();
  }
}

// --- internal ---

async function resolveSource(
  values: { source?: string | undefined; category?: string[] | undefined; 'ids-file'?: string | undefined; date?: string | undefined; announce?: string | undefined },
  date: string,
  io: CliIo,
): Promise<PaperSource> {
  const idsFile = values['ids-file'];
  if (idsFile !== undefined) {
    if (values.source !== undefined || values.category !== undefined) throw new UsageError('nightly: --ids-file takes the place of --source and --category');
    if (idsFile === '-') return { kind: 'stdin', text: await readStream(io.stdin) };
    try {
      return { kind: 'file', path: idsFile, text: await readFile(idsFile, 'utf8') };
    } catch (error) {
      throw new UsageError(`nightly: cannot read --ids-file ${idsFile} (${(error as NodeJS.ErrnoException).code})`);
    }
  }
  const kind = values.source ?? (values.category ? 'arxiv' : 'hf');
  if (values.announce !== undefined && (kind !== 'arxiv' || values.date !== undefined)) {
    throw new UsageError('nightly: --announce goes with --source arxiv without --date (the announcement feed)');
  }
  if (kind === 'hf') {
    if (values.category) throw new UsageError('nightly: --category goes with --source arxiv');
    return { kind: 'hf', date };
  }
  if (kind === 'arxiv') {
    if (!values.category?.length) throw new UsageError('nightly: --source arxiv needs at least one --category, e.g. --category cs.LG');
    // With --date, the papers submitted that day (query API); without, the latest announcement list.
    if (values.date !== undefined) return { kind: 'arxiv', date, categories: values.category };
    return { kind: 'arxiv-announced', categories: values.category, announceTypes: parseAnnounceTypes(values.announce ?? 'new') };
  }
  throw new UsageError(`nightly: --source must be hf or arxiv, not ${JSON.stringify(kind)}`);
}
