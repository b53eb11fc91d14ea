import { randomUUID } from 'node:crypto';
import { fetch as undiciFetch } from 'undici';
import { buildUserAgent } from '../arxiv/build-user-agent.js';
import type { FetchFunction } from '../arxiv/fetch-hf-daily-papers.js';
import type { Config } from '../config/config-schema.js';
import type { Edition } from '../edition/edition.js';
import { describeFailure } from '../errors/describe-failure.js';
import type { RankedPaper } from '../rank/rank-papers.js';
import { collectConfigSecrets } from '../secrets/collect-secrets.js';
import { readPackageVersion } from '../config/read-package-version.js';
import { acquireRunLock, releaseRunLockOnExit } from './acquire-run-lock.js';
import { assertFolderWritable } from './assert-folder-writable.js';
import { buildEditionPapers } from './build-edition-papers.js';
import { choosePapers } from './choose-papers.js';
import { type CollectedPapers, collectPapers, type PaperSource } from './collect-papers.js';
import { createPaperContext } from './create-paper-context.js';
import { describeCandidates, describeRanking } from './describe-ranking.js';
import type { Outcome } from './outcome.js';
import { planPapers } from './plan-papers.js';
import { planRanking } from './plan-ranking.js';
import type { ProgressReporter } from './progress-reporter.js';
import { publishEditionStep } from './publish-edition-step.js';
import { recordUnusableEntries } from './record-unusable-entries.js';
import { assertMailConfigured } from './send-edition.js';
import { sendEditionStep } from './send-edition-step.js';
import { recoverPendingBriefs } from './pending-briefs.js';
import { removeAbandonedTemporaryFiles } from './remove-abandoned-temporary-files.js';
import { type BuildRunReportInput, buildRunReport, type PaperRun, type RunReport, type RunSource, type RunStep } from './run-report.js';
import { type DryRunEstimate, runPapers } from './run-papers.js';
import { reserveRunReport, writeRunReport } from './write-run-report.js';

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
  if (request.send && !request.dryRun) assertMailConfigured(config);
  await assertFolderWritable(config.outputDir, 'SUMMARIZE_OUTPUT_DIR (or --out)');
  await assertFolderWritable(config.cacheDir, 'SUMMARIZE_CACHE_DIR');
  const lock = await acquireRunLock(config.outputDir, { command: request.commandLine });
  const unregister = releaseRunLockOnExit(lock);
  try {
    await removeAbandonedTemporaryFiles(config.outputDir);
    const context = await createPaperContext(config);
    try {
      const recovered = await recoverPendingBriefs(config.outputDir, config.cacheDir);
      if (recovered.length > 0) reporter.log(`wrote ${recovered.length} brief(s) an earlier run paid for but could not write: ${recovered.join(', ')}`);
      // Failure reasons quote servers, and a server may quote the key.
      const secrets = collectConfigSecrets(config);
      const options = { model: config.model, promptVersion: context.prompts.version, maxCostUsd: request.maxCostUsd, dryRun: request.dryRun, limit: request.limit };
      let reportBase = { runId: randomUUID(), command: 'nightly' as const, startedAt: startedAt.toISOString(), date: request.date, source: describeUnreadSource(request.source), options };
      let reportPath: string | undefined;
      const finish = async (input: Omit<BuildRunReportInput, keyof typeof reportBase | 'finishedAt'>, estimates: DryRunEstimate[] = []): Promise<NightlyResult> => {
        const report = buildRunReport({ ...reportBase, finishedAt: now().toISOString(), ...input });
        reportPath = reportPath ? await writeRunReport(reportPath, report, secrets) : await reserveRunReport(config.outputDir, report, 0, secrets);
        return { outcome: report.outcome, report, reportPath, estimates };
      };
      try {
        // 1. Collect: the day's list from its source, looked up on arXiv in batches.
        const userAgent = buildUserAgent(readPackageVersion());
        const collected = await collectPapers(request.source, {
          config,
          arxivQueue: context.arxivQueue,
          fetch: environment.fetch ?? undiciFetch,
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

        // 2. Rank: only the chosen papers go on; the others cost no PDF request and no model call.
        let chosen: Awaited<ReturnType<typeof choosePapers>>;
        try {
          chosen = await choosePapers(collected, rankingPlan, {
            config,
            llm: context.llm,
            log: (line) => reporter.log(line),
            warn: (line) => reporter.warn(line),
            signal: environment.stopSignal,
          });
        } catch (error) {
          // Ctrl-C while ranking: nothing was started, and the report says so.
          if (environment.stopSignal.aborted) return await finish({ papers: [], stoppedBy: 'interrupt' });
          throw error;
        }
        const { chosen: papers, ranking } = chosen;
        if (ranking) environment.showRanking?.(ranking.ranked);

        // 3. Plan: which papers need work (a rerun costs nothing).
        const plan = await planPapers(papers, config.outputDir, { model: config.model, promptVersion: context.prompts.version, force: request.force });
        reporter.start(papers.length + collected.notFound.length + collected.problems.length);
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
        });
        const paperRuns = [...describeCandidates(papers, ranking, result.papers), ...unusable];

        // 5. Publish: the day's edition in rank order (the source's when unranked); failed papers are not in it.
        const edition: Edition = { date, papers: buildEditionPapers(papers, result.briefs, ranking?.ranked) };
        let publish: RunStep | undefined;
        let digest: RunReport['digest'];
        if (!request.dryRun && edition.papers.length > 0) {
          publish = await publishEditionStep(config, edition, reporter);
          if (publish.ok) digest = { path: publish.paths?.[0] ?? '', papers: edition.papers.length };
        }

        // 6. Send: once the edition is there; a day without one mails nothing.
        let send: RunStep | undefined;
        if (request.send && !request.dryRun) {
          if (publish?.ok) send = await sendEditionStep(config, date, reporter);
          else reporter.warn(`--send: no edition of ${date} was published, so nothing was mailed`);
        }

        return await finish(
          { papers: paperRuns, stoppedBy: result.stoppedBy, digest, publish, send, ...(ranking ? { ranking: describeRanking(ranking, rankingPlan) } : {}) },
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

function warnAboutAnEmptyList(collected: CollectedPapers, request: NightlyRequest, reporter: ProgressReporter): void {
  const { source } = request;
  if (source.kind === 'arxiv-announced') {
    if (collected.source.empty) {
      const day = collected.date ?? request.date;
      const why = isWeekend(day) ? 'no announcements at weekends and on holidays' : `a quiet ${weekdayName(day)} in these categories`;
      reporter.warn(`arXiv announced no papers in ${source.categories.join(', ')} for ${day} (${collected.source.detail}): ${why}; no edition today`);
    } else if (collected.papers.length === 0 && collected.notFound.length === 0) {
      reporter.warn(`none of the papers announced in ${source.categories.join(', ')} is of type ${source.announceTypes.join(' or ')} (${collected.source.detail}); --announce picks others`);
    }
  } else if (collected.source.empty) {
    const why = isWeekend(request.date) ? 'arXiv and Hugging Face publish nothing at weekends' : `a quiet ${weekdayName(request.date)}, or the day's list is not out yet`;
    reporter.warn(`the source listed no papers for ${request.date} (${collected.source.detail}); ${why}`);
  }
}

// A quiet weekday is no weekend: the message must not send the user looking for a calendar mistake.
function isWeekend(day: string): boolean {
  return [0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay());
}

function weekdayName(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
}

// Until the source is read, the report can only say which source it was.
function describeUnreadSource(source: PaperSource): RunSource {
  const detail = source.kind === 'file' ? source.path : source.kind === 'stdin' ? 'standard input' : 'not read';
  return { kind: source.kind, detail, empty: false };
}
