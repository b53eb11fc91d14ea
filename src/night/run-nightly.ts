import { randomUUID } from 'node:crypto';
import { buildUserAgent } from '../arxiv/build-user-agent.js';
import type { FetchFunction } from '../arxiv/fetch-hf-daily-papers.js';
import type { Config } from '../config/config-schema.js';
import type { Edition } from '../edition/edition.js';
import { describeFailure } from '../errors/describe-failure.js';
import type { RankedPaper } from '../rank/rank-papers.js';
import { collectConfigSecrets } from '../secrets/collect-secrets.js';
import { readPackageVersion } from '../config/read-package-version.js';
import { acquireRunLock, releaseRunLockOnExit } from '../run/acquire-run-lock.js';
import { findMailedEditionChange } from '../publish/find-mailed-edition-change.js';
import { findStaleFeed, readAnnouncementHistory, recordAnnouncement } from './announcement-history.js';
import { addStoredBriefs } from './add-stored-briefs.js';
import { assertFolderWritable } from '../run/assert-folder-writable.js';
import { assertLlmEndpointUsable } from '../paper/assert-llm-endpoint-usable.js';
import { buildEditionPapers } from './build-edition-papers.js';
import { choosePapers } from './choose-papers.js';
import { type CollectedPapers, collectPapers, type PaperSource } from './collect-papers.js';
import { createPaperContext } from '../paper/create-paper-context.js';
import { describeCandidates, describeRanking } from './describe-ranking.js';
import { describeEmptyDay } from './describe-empty-day.js';
import { describeRepeats } from './describe-repeats.js';
import { editionExists } from '../output/digest-store.js';
import { readEarlierShowings } from './read-earlier-showings.js';
import type { Outcome } from '../run/outcome.js';
import { planPapers } from '../paper/plan-papers.js';
import { planRanking } from './plan-ranking.js';
import type { ProgressReporter } from '../run/progress-reporter.js';
import { podcastEpisodeStep } from '../podcast/podcast-episode-step.js';
import { preloadPublishing, publishEditionStep } from './publish-edition-step.js';
import { recordUnusableEntries } from './record-unusable-entries.js';
import { recordReaderCopies } from './record-reader-copies.js';
import { rankReaderCopies } from './rank-reader-copies.js';
import { sendEditionStep } from './send-edition-step.js';
import { recoverPendingBriefs } from '../run/pending-briefs.js';
import { removeAbandonedTemporaryFiles } from '../run/remove-abandoned-temporary-files.js';
import { type BuildRunReportInput, buildRunReport, type PaperRun, type RunReport, type RunSource, type RunStep } from '../run/run-report.js';
import { type DryRunEstimate, runPapers } from '../paper/run-papers.js';
import { createSpendBudget } from '../run/spend-budget.js';
import { attachEditionStyle } from '../publish/attach-edition-style.js';
import { chooseEditionStyle } from '../styles/choose-edition-style.js';
import { addCollectedPapers, getCollectedPapersPath } from '../issue/collected-papers-store.js';
import type { Period } from '../issue/period.js';
import { reserveRunReport, writeRunReport } from '../run/write-run-report.js';
import { OutputWriteError } from '../output/output-write-error.js';
import { formatCount } from '../format/format-count.js';
import type { BatchClock } from '../batch/batch-plan.js';
import { resolveNightDeadline } from '../batch/resolve-night-deadline.js';
import { loadUndiciParts } from '../http/load-undici-parts.js';

export interface NightlyRequest {
  source: PaperSource;
  /** YYYY-MM-DD: the day whose papers these are, and the edition's date. */
  date: string;
  limit?: number | undefined;
  maxCostUsd?: number | undefined;
  dryRun: boolean;
  force: boolean;
  /** `--rank`: interests, upvotes or source; default from the interests file and the source. */
  rankFlag?: string | undefined;
  /** `--top N`: keep the N best after ranking, before any PDF is requested. */
  top?: number | undefined;
  /** `--send`: mail the edition once it is published. */
  send?: boolean;
  /** `--repeat`: show papers already shown in full in an earlier edition in full again; default SUMMARIZE_REPEAT. */
  repeat?: boolean | undefined;
  /** `--podcast`: make the day's episode once the edition is published (before it is mailed, so the email links it). */
  podcast?: boolean;
  /** The command line, recorded in the lock so a blocked run can say who holds it. */
  commandLine: string;
}

export interface NightlyEnvironment {
  config: Config;
  reporter: ProgressReporter;
  /** Stops starting new papers (first Ctrl-C). */
  stopSignal: AbortSignal;
  /** Abandons the papers in flight (second Ctrl-C, SIGTERM). */
  abortSignal: AbortSignal;
  /** Default: undici's fetch, for Hugging Face. */
  fetch?: FetchFunction;
  /** Default: the system clock. */
  now?: () => Date;
  /** The clock a batch is polled by (SUMMARIZE_BATCH=auto gives way to its deadline by it); default: the real one. */
  batchClock?: BatchClock;
  /** Shown the ranked candidates once they are ranked, before any PDF is requested (dry runs print them). */
  showRanking?: (ranked: RankedPaper[]) => void;
}

export interface NightlyResult {
  outcome: Outcome;
  report: RunReport;
  reportPath: string;
  /** Dry runs only: what each paper would cost. */
  estimates: DryRunEstimate[];
}

/**
 * The night, top to bottom: collect the day's papers, plan which need work, run them (pipelined),
 * publish the edition, and record it all in a run report that exists from the start, so no failure loses it.
 */
export async function runNightly(request: NightlyRequest, environment: NightlyEnvironment): Promise<NightlyResult> {
  const { config, reporter, now = () => new Date() } = environment;
  const startedAt = now();
  if (request.date > startedAt.toISOString().slice(0, 10)) reporter.warn(`--date ${request.date} is in the future: no source lists papers for it yet`);
  // The interests file is read and --rank settled before any request, so a mistake costs nothing.
  const rankingPlan = await planRanking({ rankFlag: request.rankFlag, interestsPath: config.interestsPath, sourceKind: request.source.kind, top: request.top });
  for (const warning of rankingPlan.warnings) reporter.warn(warning);
  // Mail's settings and the readers database are read only by a night that sends.
  if (request.send && !request.dryRun) (await import('../send/check-mail-config.js')).assertMailConfigured(config);
  await assertFolderWritable(config.outputDir, 'SUMMARIZE_OUTPUT_DIR (or --out)');
  await assertFolderWritable(config.cacheDir, 'SUMMARIZE_CACHE_DIR');
  const lock = await acquireRunLock(config.outputDir, { command: request.commandLine });
  const unregister = releaseRunLockOnExit(lock);
  try {
    await removeAbandonedTemporaryFiles(config.outputDir);
    const context = await createPaperContext(config);
    try {
      const { recovered, stuck } = await recoverPendingBriefs(config.outputDir, config.cacheDir);
      if (recovered.length > 0) reporter.log(`wrote ${formatCount(recovered.length, 'brief')} an earlier run paid for but could not write: ${recovered.join(', ')}`);
      // Briefs already paid for still cannot be written: paying for more would only lose them too.
      const outputRefused = stuck.length === 0 ? undefined : `${formatCount(stuck.length, 'brief')} paid for earlier still cannot be written: ${stuck[0]!.reason}`;
      if (outputRefused) reporter.error(`${outputRefused}; no paid call is started until there is room`);
      // Failure reasons quote servers, and a server may quote the key.
      const secrets = collectConfigSecrets(config);
      const options = { model: config.model, promptVersion: context.prompts.version, maxCostUsd: request.maxCostUsd, dryRun: request.dryRun, limit: request.limit };
      let reportBase = { runId: randomUUID(), command: 'nightly' as const, startedAt: startedAt.toISOString(), date: request.date, source: describeUnreadSource(request.source), options };
      let reportPath: string | undefined;
      const finish = async (input: Omit<BuildRunReportInput, keyof typeof reportBase | 'finishedAt'>, estimates: DryRunEstimate[] = []): Promise<NightlyResult> => {
        const report = buildRunReport({ ...reportBase, finishedAt: now().toISOString(), ...input });
        if (!reportPath) reportPath = await reserveRunReport(config.outputDir, report, 0, secrets);
        else {
          // A disk turned read-only keeps the run's outcome: the papers' failures already say why, the report's loss is told.
          await writeRunReport(reportPath, report, secrets).catch((error: unknown) => {
            if (!(error instanceof OutputWriteError)) throw error;
            reporter.error(`the run report could not be updated: ${error.message}`);
          });
        }
        return { outcome: report.outcome, report, reportPath, estimates };
      };
      try {
        // 1. Collect: the day's list from its source, looked up on arXiv in batches.
        const userAgent = buildUserAgent(readPackageVersion());
        const collected = await collectPapers(request.source, {
          config,
          arxivQueue: context.arxivQueue,
          fetch: environment.fetch ?? loadUndiciParts().fetch,
          limit: request.limit,
          userAgent,
          exampleIds: rankingPlan.interests?.examples,
          now,
        });
        for (const warning of collected.warnings ?? []) reporter.warn(warning);
        // The announcement list carries its own day; the machine's clock may already be on the next one.
        const date = collected.date ?? request.date;
        warnAboutAnEmptyList(collected, request, reporter);

        // The report exists before any money is spent (embeddings included), with room for every candidate.
        reportBase = { ...reportBase, date, source: collected.source };
        const candidates = collected.papers.length + collected.notFound.length + collected.problems.length;
        reportPath = await reserveRunReport(config.outputDir, buildRunReport({ ...reportBase, finishedAt: startedAt.toISOString(), papers: [], running: true }), candidates, secrets);

        // A feed server serving an earlier announcement again must not make (and mail) a second edition of it.
        // --force is the editor asking for the day again, knowingly.
        if (request.source.kind === 'arxiv-announced' && !collected.source.empty && !request.force) {
          const history = await readAnnouncementHistory(config.outputDir, request.source.categories);
          const stale = findStaleFeed(history, date, collected.papers.map((paper) => paper.id));
          if (stale) {
            reporter.warn(`stale announcement feed: ${stale}; nothing is published or mailed`);
            return await finish({ papers: [], staleFeed: true });
          }
        }

        // Hugging Face lists papers on several days: one shown in full in an earlier edition is only listed (--repeat shows it again).
        // IDs the user listed (--ids-file) are what they asked for, never repeats.
        const shownBefore = (request.repeat ?? config.repeat) || isExplicitList(request.source) ? new Map() : await readEarlierShowings(config.outputDir, date);

        // 2. Rank: only the chosen papers go on; the others cost no PDF request and no model call.
        let chosen: Awaited<ReturnType<typeof choosePapers>>;
        try {
          chosen = await choosePapers(collected, rankingPlan, {
            config,
            llm: context.llm,
            log: (line) => reporter.log(line),
            warn: (line) => reporter.warn(line),
            signal: environment.stopSignal,
            shownBefore: new Set(shownBefore.keys()),
          });
        } catch (error) {
          // Ctrl-C while ranking: nothing was started, and the report says so.
          if (environment.stopSignal.aborted) return await finish({ papers: [], stoppedBy: 'interrupt' });
          throw error;
        }
        const { chosen: papers, ranking } = chosen;
        if (ranking) environment.showRanking?.(ranking.ranked);
        const repeats = describeRepeats(chosen.repeats, shownBefore);
        tellAboutRepeats(repeats.listed.length, papers.length, date, reporter);
        // Each mailed reader's own picks join the shared ones: the union is briefed, each paper once.
        const readerCopies = request.send && !isPeriodRun(request.source) ? await rankReaderCopies(config, chosen, { date, now: now(), log: (line) => reporter.log(line), warn: (line) => reporter.warn(line) }) : undefined;
        const briefed = readerCopies?.papers ?? papers;

        // 3. Plan: which papers need work (a rerun costs nothing).
        const plan = await planPapers(briefed, config.outputDir, { model: config.model, promptVersion: context.prompts.version, force: request.force, styles: context.prompts.styles, language: config.language });
        // A refused key or an unknown model is found out now, before any PDF is downloaded.
        if (!request.dryRun && plan.summarize.length > 0) await assertLlmEndpointUsable(context, config);
        // New briefs change the edition: its renderers load while the model works, not after.
        if (!request.dryRun && plan.summarize.length > 0) preloadPublishing();
        reporter.start(briefed.length + collected.notFound.length + collected.problems.length);
        const unusable: PaperRun[] = recordUnusableEntries(collected, reporter);

        // 4. Run: download, extract and brief, pipelined.
        const result = await runPapers(context, {
          plan,
          reporter,
          stopSignal: environment.stopSignal,
          abortSignal: environment.abortSignal,
          maxCostUsd: request.maxCostUsd,
          spentUsd: ranking?.embeddings?.costUsd ?? 0,
          dryRun: request.dryRun,
          outputRefused: request.dryRun ? undefined : outputRefused,
          // A day's night has a deadline (SUMMARIZE_DEADLINE), counted from its first attempt; a week's or month's backfill has none.
          deadline:
            config.deadline && !isPeriodRun(request.source) && !request.dryRun
              ? await resolveNightDeadline(config.deadline, { cacheDir: config.cacheDir, date, startedAt: environment.batchClock?.now() ?? startedAt.getTime() })
              : undefined,
          batchClock: environment.batchClock,
        });
        const paperRuns = [...describeCandidates(collected.papers, ranking, new Map([...result.papers, ...repeats.runs])), ...unusable];
        // Every PDF is read: pdf.js's memory goes back before the styles and publishing, which peak on a large day.
        await context.extractor.endIdleWorkers();

        // 5. The podcast style, written from each brief (the paper text is in the cache), within what --max-cost has left.
        let stylesStep: RunStep | undefined;
        if (!request.dryRun && config.styles.includes('podcast') && !isPeriodRun(request.source) && result.briefs.size > 0 && result.stoppedBy !== 'output-unwritable') {
          const startedAt = performance.now();
          const spent = paperRuns.reduce((sum, paper) => sum + (paper.costUsd ?? 0), ranking?.embeddings?.costUsd ?? 0);
          const { writeStyles } = await import('../paper/write-styles.js');
          const written = await writeStyles(context, [...result.briefs.values()], { styles: config.styles, budget: createSpendBudget(request.maxCostUsd, spent), log: (line) => reporter.log(line), warn: (line) => reporter.warn(line), signal: environment.abortSignal, batch: result.afterBriefs });
          const failures = written.failed.map((failure) => `${failure.id} (${failure.style}): ${failure.reason}`);
          stylesStep = {
            ok: failures.length === 0,
            detail: `podcast: ${written.written} written${failures.length > 0 ? `; failed: ${failures.join('; ')}` : ''}`,
            durationMs: Math.round(performance.now() - startedAt),
            costUsd: written.costUsd,
          };
        }

        // 6. Publish: the day's edition in rank order (the source's when unranked); failed papers are not in it.
        const briefsOnDisk = request.dryRun ? result.briefs : await addStoredBriefs(config.outputDir, briefed, result.briefs);
        // `--style blurb` first: the edition shows each paper's blurb (written above) instead of its five points.
        const edition: Edition = await attachEditionStyle(
          config.outputDir,
          { date, papers: buildEditionPapers(readerCopies?.editionOrder ?? papers, briefsOnDisk, ranking?.ranked), ...(repeats.listed.length > 0 ? { repeats: repeats.listed } : {}) },
          request.dryRun ? undefined : chooseEditionStyle(config.styles),
        );
        let publish: RunStep | undefined;
        let digest: RunReport['digest'];
        // What readers were mailed stays what the web edition shows.
        const period = request.source.kind === 'hf' ? request.source.period : undefined;
        const mailedChange = request.dryRun || edition.papers.length === 0 || period ? undefined : await findMailedEditionChange(config, edition);
        if (period) {
          // A month or a week is not a day's edition: its papers are kept for the period's issue.
          if (!request.dryRun && edition.papers.length > 0) publish = await collectForIssue(config.outputDir, period, edition);
        } else if (mailedChange) {
          reporter.warn(`${mailedChange}: the briefs are written, the edition stays as mailed`);
          publish = { ok: true, detail: `not rewritten: ${mailedChange}` };
        } else if (!request.dryRun && edition.papers.length > 0) {
          if (request.send) await recordReaderCopies(config.outputDir, edition, readerCopies);
          publish = await publishEditionStep(config, edition, reporter);
          if (publish.ok) digest = { path: publish.paths?.[0] ?? '', papers: edition.papers.length };
          if (publish.ok && request.source.kind === 'arxiv-announced') await recordAnnouncement(config.outputDir, request.source.categories, date, collected.papers.map((paper) => paper.id));
        }

        // 7. Podcast: the day's episode from the published edition, within what --max-cost has left.
        let podcast: RunStep | undefined;
        if (request.podcast && !request.dryRun && publish?.ok && !mailedChange) {
          const spentUsd = paperRuns.reduce((sum, paper) => sum + (paper.costUsd ?? 0), (ranking?.embeddings?.costUsd ?? 0) + (stylesStep?.costUsd ?? 0));
          podcast = await podcastEpisodeStep(context, edition, { budget: createSpendBudget(request.maxCostUsd, spentUsd), reporter, signal: environment.abortSignal });
        }

        // 8. Send: once the edition is there; a day without one mails nothing.
        let send: RunStep | undefined;
        if (request.send && !request.dryRun) {
          if (publish?.ok) send = await sendEditionStep(config, date, reporter);
          // A day with nothing to summarize (not a failed one, not one with an edition already) gets a one-line note instead of silence.
          else if (config.notifyEmpty && papers.length === 0 && unusable.length === 0 && !(await editionExists(config.outputDir, date))) {
            send = await sendEditionStep(config, date, reporter, describeEmptyDay(date, collected, repeats.listed.length));
          } else reporter.warn(`--send: no edition of ${date} was published, so nothing was mailed`);
        }

        return await finish(
          { papers: paperRuns, stoppedBy: result.stoppedBy, digest, publish, send, podcast, styles: stylesStep, ...(ranking ? { ranking: describeRanking(ranking, rankingPlan) } : {}) },
          result.estimates,
        );
      } catch (error) {
        // A run that could not go on still leaves its report, saying why (the error itself goes to the CLI).
        await finish({ papers: [], failure: describeFailure(error) }).catch(() => undefined);
        throw error;
      }
    } finally {
      await context.close();
    }
  } finally {
    unregister();
    await lock.release();
  }
}

// --- internal ---

function isExplicitList(source: PaperSource): boolean {
  return source.kind === 'file' || source.kind === 'stdin';
}

// A month or a week is collected for its issue, which has no podcast: its segments would be paid for nothing.
function isPeriodRun(source: PaperSource): boolean {
  return source.kind === 'hf' && source.period !== undefined;
}

async function collectForIssue(outputDir: string, period: Period, edition: Edition): Promise<RunStep> {
  const startedAt = performance.now();
  try {
    await addCollectedPapers(outputDir, period.key, edition.papers.map(({ brief, reason }) => ({ id: brief.paper.id, version: brief.paper.version, ...(reason === undefined ? {} : { reason }) })));
    const detail = `${formatCount(edition.papers.length, 'paper')} collected for ${period.title}; \`summarize issue --${period.kind} ${period.key}\` makes its issue`;
    return { ok: true, detail, durationMs: Math.round(performance.now() - startedAt), paths: [getCollectedPapersPath(outputDir, period.key)] };
  } catch (error) {
    return { ok: false, detail: describeFailure(error), durationMs: Math.round(performance.now() - startedAt) };
  }
}

function warnAboutAnEmptyList(collected: CollectedPapers, request: NightlyRequest, reporter: ProgressReporter): void {
  const { source } = request;
  if (source.kind === 'arxiv-announced') {
    if (collected.source.empty) {
      const day = collected.date ?? request.date;
      const weekday = new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
      // Only a weekend day is the weekend's fault: on a weekday these categories were simply quiet.
      const why = weekday === 'Saturday' || weekday === 'Sunday' ? `${day} is a ${weekday}: arXiv announces nothing at weekends` : 'a quiet day in these categories (or a holiday)';
      reporter.warn(`arXiv announced no papers in ${source.categories.join(', ')} on ${weekday} ${day} (${collected.source.detail}): ${why}; no edition for ${day}`);
    } else if (collected.papers.length === 0 && collected.notFound.length === 0) {
      reporter.warn(`none of the papers announced in ${source.categories.join(', ')} is of type ${source.announceTypes.join(' or ')} (${collected.source.detail}); --announce picks others`);
    }
  } else if (collected.source.empty && isExplicitList(source)) {
    reporter.warn(`${collected.source.detail} lists no arXiv ID; no edition for ${request.date}`);
  } else if (collected.source.empty) {
    reporter.warn(`the source listed no papers for ${request.date} (${collected.source.detail}); arXiv and Hugging Face publish nothing at weekends`);
  }
}

function tellAboutRepeats(repeats: number, papers: number, date: string, reporter: ProgressReporter): void {
  if (repeats === 0) return;
  if (papers === 0) reporter.warn(`the papers chosen from the list of ${date} were all shown in full in earlier editions; no edition for ${date} (--repeat shows them again)`);
  else reporter.log(`${repeats} ${repeats === 1 ? 'paper on the list was' : 'papers on the list were'} shown in full in an earlier edition: listed under "Also on today's list" (--repeat shows them again)`);
}

// Until the source is read, the report can only say which source it was.
function describeUnreadSource(source: PaperSource): RunSource {
  const detail = source.kind === 'file' ? source.path : source.kind === 'stdin' ? 'standard input' : 'not read';
  return { kind: source.kind, detail, empty: false };
}
