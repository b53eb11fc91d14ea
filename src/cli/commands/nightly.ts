import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { text as readStream } from 'node:stream/consumers';
import { fetch } from 'undici';
import { buildUserAgent } from '../../arxiv/build-user-agent.js';
import { parseDay } from '../../arxiv/parse-day.js';
import type { Brief } from '../../brief/brief-schema.js';
import { assertLlmConfigured, loadConfig } from '../../config/load-config.js';
import { UsageError } from '../../errors/brief-error.js';
import { findModelPrice } from '../../llm/model-prices.js';
import { readStoredBrief } from '../../output/brief-store.js';
import { publishEdition } from '../../archive/publish-edition.js';
import { acquireRunLock, releaseRunLockOnExit } from '../../pipeline/acquire-run-lock.js';
import { removeAbandonedTemporaryFiles } from '../../pipeline/remove-abandoned-temporary-files.js';
import { collectPapers, type PaperSource } from '../../pipeline/collect-papers.js';
import { createPaperContext } from '../../pipeline/create-paper-context.js';
import { planRun } from '../../pipeline/plan-run.js';
import { buildRunReport, type PaperRun } from '../../pipeline/run-report.js';
import { runPapers } from '../../pipeline/run-papers.js';
import { writeRunReport } from '../../pipeline/write-run-report.js';
import { assertFolderWritable } from '../assert-folder-writable.js';
import type { Outcome } from '../../pipeline/outcome.js';
import type { CliIo } from '../cli-io.js';
import { createProgressReporter } from '../progress/create-progress-reporter.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { readPackageVersion } from '../read-package-version.js';
import { renderDryRunTable } from '../render-dry-run-table.js';

/** `summarize nightly`: the day's papers from a source, summarized in a pipeline, a digest and a run report. */
export async function runNightly(argv: string[], io: CliIo): Promise<Outcome> {
  const { values, positionals } = parseCommandArgs('nightly', argv, {
    date: { type: 'string' },
    source: { type: 'string' },
    category: { type: 'string', multiple: true },
    'ids-file': { type: 'string' },
    limit: { type: 'string' },
    'max-cost': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    model: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`nightly: unexpected argument ${JSON.stringify(positionals[0])}; IDs go in --ids-file`);
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  parseDay(date);
  const limit = values.limit === undefined ? undefined : parsePositive('--limit', values.limit, true);
  const maxCostUsd = values['max-cost'] === undefined ? undefined : parsePositive('--max-cost', values['max-cost'], false);
  const dryRun = values['dry-run'];
  const source = await resolveSource(values, date, io);

  const config = loadConfig({ env: io.env, flags: { model: values.model, outputDir: values.out } });
  if (!dryRun) assertLlmConfigured(config);
  if (maxCostUsd !== undefined && !findModelPrice(config.model, config.prices)) {
    throw new UsageError(`--max-cost needs the price of ${config.model}, which is not in the price table: set SUMMARIZE_PRICES`);
  }

  await assertFolderWritable(config.outputDir, 'SUMMARIZE_OUTPUT_DIR (or --out)');
  await assertFolderWritable(config.cacheDir, 'SUMMARIZE_CACHE_DIR');
  const lock = await acquireRunLock(config.outputDir, { command: `nightly ${argv.join(' ')}`.trim() });
  const unregister = releaseRunLockOnExit(lock);
  await removeAbandonedTemporaryFiles(config.outputDir);
  const reporter = createProgressReporter({ stream: io.stderr, quiet: values.quiet });
  const stopController = new AbortController();
  const abortController = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (signal === 'SIGINT' && !stopController.signal.aborted) {
      reporter.warn('interrupted: starting no new papers; waiting for those in flight (Ctrl-C again to abandon them)');
      stopController.abort();
      return;
    }
    reporter.warn('interrupted: abandoning the papers in flight');
    stopController.abort();
    abortController.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const startedAt = new Date();
  const context = await createPaperContext(config);
  try {
    const userAgent = buildUserAgent(readPackageVersion());
    const collected = await collectPapers(source, { config, arxivQueue: context.arxivQueue, fetch, limit, userAgent });
    if (collected.source.empty) reporter.warn(`the source listed no papers for ${date} (${collected.source.detail}); arXiv and Hugging Face publish nothing at weekends`);

    const stored = new Map<string, Brief>();
    for (const paper of collected.papers) {
      const brief = await readStoredBrief(config.outputDir, paper.id, paper.version);
      if (brief) stored.set(`${paper.id}v${paper.version}`, brief);
    }
    const plan = planRun(collected.papers, stored, { model: config.model, promptVersion: context.prompts.version, force: values.force });
    reporter.start(collected.papers.length + collected.notFound.length + collected.problems.length);
    const notFound: PaperRun[] = collected.notFound.map((id) => {
      reporter.paperEvent({ id, kind: 'failed', detail: 'not found on arXiv' });
      return { id, outcome: 'failed', stage: 'metadata', reason: `not found on arXiv (check the ID at https://arxiv.org/abs/${id})`, durations: { totalMs: 0 } };
    });
    // A line or item that is no arXiv ID is a paper the editor expected: it fails the run, never just vanishes.
    const invalid: PaperRun[] = collected.problems.map(({ entry, message }) => {
      const id = entry || '(empty)';
      reporter.paperEvent({ id, kind: 'failed', detail: message });
      return { id, outcome: 'failed', stage: 'metadata', reason: message, durations: { totalMs: 0 } };
    });

    const result = await runPapers(context, { plan, reporter, stopSignal: stopController.signal, abortSignal: abortController.signal, maxCostUsd, dryRun });
    const papers = [...collected.papers.map((paper) => result.papers.get(paper)!), ...notFound, ...invalid];
    if (dryRun) io.stdout.write(renderDryRunTable(result.estimates, config.model));

    // The digest lists the day's briefs in the source's order; failed papers are not in it.
    const briefs = collected.papers.flatMap((paper) => result.briefs.get(paper) ?? []);
    const digest = !dryRun && briefs.length > 0 ? await publishEdition(config.outputDir, { date, papers: briefs.map((brief) => ({ brief })) }, { publicUrl: config.publicUrl, warn: (message) => reporter.warn(message) }) : undefined;

    const report = buildRunReport({
      runId: randomUUID(),
      command: 'nightly',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      date,
      source: collected.source,
      options: { model: config.model, promptVersion: context.prompts.version, maxCostUsd, dryRun, limit },
      papers,
      stoppedBy: result.stoppedBy,
      ...(digest ? { digest: { path: digest.markdown, papers: briefs.length } } : {}),
    });
    const reportPath = await writeRunReport(config.outputDir, report);
    reporter.finish(report.totals);
    const { totals } = report;
    // The reporter's closing line has the counts and spend; this one says where to look.
    reporter.log(
      `status ${report.status}` +
        `${totals.costUnknown ? ', spend excludes calls to a model without a price' : ''}; report ${reportPath}` +
        (digest ? `; digest ${digest.markdown}` : ''),
    );
    return report.outcome;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await context.close();
    unregister();
    await lock.release();
  }
}

// --- internal ---

async function resolveSource(
  values: { source?: string | undefined; category?: string[] | undefined; 'ids-file'?: string | undefined },
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
  if (kind === 'hf') {
    if (values.category) throw new UsageError('nightly: --category goes with --source arxiv');
    return { kind: 'hf', date };
  }
  if (kind === 'arxiv') {
    if (!values.category?.length) throw new UsageError('nightly: --source arxiv needs at least one --category, e.g. --category cs.LG');
    return { kind: 'arxiv', date, categories: values.category };
  }
  throw new UsageError(`nightly: --source must be hf or arxiv, not ${JSON.stringify(kind)}`);
}

function parsePositive(flag: string, value: string, integer: boolean): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    throw new UsageError(`nightly: ${flag} takes a positive ${integer ? 'whole number' : 'number'}, not ${JSON.stringify(value)}`);
  }
  return number;
}
