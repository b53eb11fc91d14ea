import PQueue from 'p-queue';
import { ArxivForbiddenError } from '../arxiv/arxiv-forbidden-error.js';
import { ArxivRequestError } from '../arxiv/arxiv-request-error.js';
import type { ArxivQueue } from '../arxiv/create-arxiv-queue.js';
import type { Brief, PaperMetadata, Usage } from '../brief/brief-schema.js';
import { addUsage, ZERO_USAGE } from '../llm/read-completion-usage.js';
import { applyBatchPrices } from '../llm/apply-batch-prices.js';
import type { CompletionBatch } from '../llm/completion-batch.js';
import type { BatchClock, BatchPlan } from '../batch/batch-plan.js';
import { type BatchChoice, chooseBatchMode } from '../batch/choose-batch-mode.js';
import { hasBatchApi } from '../batch/has-batch-api.js';
import type { ResolvedDeadline } from '../batch/resolve-deadline.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';
import type { ProseStyleName, StyleName } from '../brief/style-names.js';
import type { StyleResult } from '../brief/style-result-schema.js';
import { writeStyleResult } from '../styles/style-store.js';
import type { GeneratedStyle, GenerateStyleDependencies } from './generate-style.js';
import { groupStyleCalls } from './group-style-calls.js';
import type { collectStyleFigures } from './collect-style-figures.js';
import { placeFigures } from '../figures/place-figures.js';
import type { ProgressReporter } from '../run/progress-reporter.js';
import { PaperError, type PaperStage } from '../errors/brief-error.js';
import { describeFailure } from '../errors/describe-failure.js';
import { computeCostUsd } from '../llm/compute-cost-usd.js';
import { createEndpointBreaker } from '../llm/endpoint-breaker.js';
import { estimateCostUsd } from '../llm/estimate-cost-usd.js';
import { createUsageMeter, type UsageMeter } from '../llm/usage-meter.js';
import { OutputWriteError } from '../output/output-write-error.js';
import { writeBrief } from '../output/brief-store.js';
import { countTokens } from '../text/count-tokens.js';
import type { PaperContext } from './create-paper-context.js';
import { keepPendingBrief } from '../run/pending-briefs.js';
import type { PaperText } from './paper-text.js';
import { planPaperInput } from './plan-paper-input.js';
import { createSpendBudget } from '../run/spend-budget.js';
import type { RunPlan } from './plan-run.js';
import type { PaperRun } from '../run/run-report.js';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import { followSignal } from '../http/follow-signal.js';

// A brief (JSON of five points, critique, quiz, flowchart) is about this long; reasoning models think on top.
export const EXPECTED_OUTPUT_TOKENS = 3_000;

// Failed LLM requests in a row, across papers, before a run stops starting papers: more than one paper's retries.
export const LLM_FAILURE_LIMIT = 8;

// Papers downloaded or being downloaded but not yet extracted: their PDFs are in memory, so a run whose downloads
// outpace extraction (a short arXiv interval, long PDFs) waits here instead of holding hundreds of PDFs at once.
// One downloading while each worker extracts keeps the workers busy; more PDFs would only wait in memory.
const PAPERS_DOWNLOADING_AT_ONCE = 1;

/** Why a run ended before its work list did. */
export type StopReason = 'interrupt' | 'budget' | 'arxiv-refused' | 'llm-unavailable' | 'output-unwritable';

export interface RunPapersOptions {
  plan: RunPlan;
  reporter: ProgressReporter;
  /** Stops starting new work (first Ctrl-C); work in flight goes on. */
  stopSignal: AbortSignal;
  /** Abandons work in flight (second Ctrl-C, SIGTERM). */
  abortSignal: AbortSignal;
  maxCostUsd?: number | undefined;
  /** Spent before the papers (the ranking's embeddings), counted against `maxCostUsd`. */
  spentUsd?: number | undefined;
  dryRun: boolean;
  /** The output folder already refuses briefs (those waiting in pending/ could not be written): no paper is started. */
  outputRefused?: string | undefined;
  /** A nightly run's deadline: with SUMMARIZE_BATCH=auto the run goes through the Batch API only while it allows. */
  deadline?: ResolvedDeadline | undefined;
  /** The clock batches are polled by; default: the real one. */
  batchClock?: BatchClock | undefined;
}

export interface DryRunEstimate {
  paper: PaperMetadata;
  pages: number;
  inputTokens: number;
  mapReduce: boolean;
  /** Every style the paper still needs, together. */
  costUsd: number | null;
  /** The same, style by style (the brief only when it is not stored yet). */
  styles: Array<{ style: StyleName; costUsd: number | null }>;
}

export interface RunPapersResult {
  papers: Map<PaperMetadata, PaperRun>;
  briefs: Map<PaperMetadata, Brief>;
  /** The texts in other styles written by this run. */
  styles: Map<PaperMetadata, StyleResult[]>;
  estimates: DryRunEstimate[];
  stoppedBy?: StopReason;
  /** How the rounds that read the briefs (podcast segments) go: in a batch as this one did, or at once (absent). */
  afterBriefs?: BatchPlan;
}

/**
 * Pipelined: each paper goes on to the model as soon as its own text is ready, so the LLM works on the
 * first papers while later PDFs still download (one at a time, politely) and extract (in workers).
 */
export async function runPapers(context: PaperContext, options: RunPapersOptions): Promise<RunPapersResult> {
  const { prompts } = context;
  const { config } = context;
  const { plan, reporter, stopSignal, abortSignal, maxCostUsd, dryRun } = options;
  const choice = await collectRecordedBatches(context, options, await confirmBatchApi(context, chooseRunBatch(context, options)));
  if (choice.line) reporter.log(choice.line);
  // A run through the Batch API is estimated at its price; each answer's usage says how it came, so records price every call at its own.
  const estimatePrices = choice.batch ? applyBatchPrices(config.model, config.prices) : config.prices;
  // Repairs and grounding rounds sent at once are billed at the list price.
  const followUpPrices = config.batchFollowUps === 'next-batch' ? estimatePrices : config.prices;
  // The instructions go with every paper's text; estimates that left them out undercounted short papers.
  // Counted for the first paper with work: a rerun with nothing to do loads no tokenizer.
  let instructionTokens: number | undefined;
  const countInstructionTokens = () => (instructionTokens ??= countTokens(prompts.system) + countTokens(prompts.brief));
  const batchPlan: BatchPlan = { deadline: choice.deadline, clock: options.batchClock, onlyRecorded: choice.onlyRecorded };
  const batchQueue = (choice.batch || choice.onlyRecorded) && !dryRun && plan.summarize.length > 0 ? (await import('../batch/start-batch-queue.js')).startBatchQueue(context.llm(), context.config, (line) => reporter.log(line), abortSignal, batchPlan) : undefined;
  // In a batch every paper's calls wait together for the batch: none waits for a free slot first.
  const llmQueue = new PQueue({ concurrency: batchQueue ? Number.POSITIVE_INFINITY : config.llmConcurrency });
  const result: RunPapersResult = { papers: new Map(), briefs: new Map(), styles: new Map(), estimates: [] };
  const budget = createSpendBudget(maxCostUsd, options.spentUsd);
  // arXiv's 403, or a pause longer than we wait, refuses us: asking again for every other paper would make it worse.
  let refusedBy: ArxivForbiddenError | ArxivRequestError | undefined;
  const breaker = createEndpointBreaker(LLM_FAILURE_LIMIT);
  // A full disk refuses every later brief too: stop paying for briefs that cannot be written.
  let outputRefused: string | undefined = options.outputRefused;
  // One paper at a time waits for arXiv, in the source's order, so the PDFs come in that order and a stop
  // (Ctrl-C, budget, 403) leaves the rest unrequested; its turn ends once arXiv answers, so extraction
  // and the model overlap the next downloads.
  const downloadLane = new PQueue({ concurrency: 1 });
  const loadingSlots = new PQueue({ concurrency: context.extractor.poolSize + PAPERS_DOWNLOADING_AT_ONCE });
  const loadInTurn = (paper: PaperMetadata, signal: AbortSignal) =>
    new Promise<PaperText | undefined>((resolve, reject) => {
      void downloadLane.add(async () => {
        if (isStopped()) return resolve(undefined);
        reporter.paperEvent({ id: label(paper), title: paper.title, kind: 'downloading' });
        let arxivAnswered = () => {};
        const answered = new Promise<void>((settle) => (arxivAnswered = settle));
        const arxivQueue: ArxivQueue = {
          fetch: async (url, init) => {
            const response = await context.arxivQueue.fetch(url, init);
            arxivAnswered();
            return response;
          },
          close: () => context.arxivQueue.close(),
        };
        // A cached paper never asks arXiv, a refused one fails: either way its turn ends when loading does.
        // The lane's turn waits for a free slot too: no download starts while too many PDFs wait for extraction.
        const loading = loadingSlots.add(async () => (await loadPaperSteps()).loadPaperText(paper, { ...context, arxivQueue, signal })).catch((error: unknown) => {
          const refusal = findArxivRefusal(error);
          if (refusal && !refusedBy) {
            refusedBy = refusal;
            reporter.error(refusal.message);
          }
          throw error;
        });
        loading.then(resolve, reject);
        await Promise.race([answered, loading.catch(() => undefined)]);
      });
    });

  for (const paper of plan.withdrawn) {
    const notice = paper.comment ? `: "${paper.comment.slice(0, 160)}"` : '';
    result.papers.set(paper, { ...identify(paper), outcome: 'skipped', reason: `withdrawn by its authors on arXiv${notice}; nothing to brief`, durations: { totalMs: 0 } });
    reporter.paperEvent({ id: label(paper), title: paper.title, kind: 'skipped', detail: 'withdrawn on arXiv' });
  }
  for (const { paper, brief } of plan.skip) {
    result.briefs.set(paper, brief);
    result.papers.set(paper, { ...identify(paper), outcome: 'skipped', reason: 'already summarized with this version, model and prompts', durations: { totalMs: 0 } });
    reporter.paperEvent({ id: label(paper), title: paper.title, kind: 'skipped', detail: 'already summarized' });
  }

  const notStarted = (paper: PaperMetadata, reason: string, startedAt: number): PaperRun => ({
    ...identify(paper),
    outcome: 'not-started',
    reason,
    durations: { totalMs: Math.round(performance.now() - startedAt) },
  });
  const currentStop = (): StopReason | undefined => {
    if (stopSignal.aborted) return 'interrupt';
    if (budget.exhausted) return 'budget';
    if (refusedBy) return 'arxiv-refused';
    if (outputRefused) return 'output-unwritable';
    if (breaker.openReason) return 'llm-unavailable';
    return undefined;
  };
  const isStopped = () => currentStop() !== undefined;
  const stopReason = () => {
    switch (currentStop()) {
      case 'budget':
        return 'the --max-cost budget was reached';
      case 'arxiv-refused':
        return refusedBy instanceof ArxivRequestError
          ? `arXiv asked us to wait longer than we do (HTTP ${refusedBy.status ?? 429}, Retry-After), so no more downloads were attempted`
          : 'arXiv refused a download (HTTP 403), so no more were attempted';
      case 'output-unwritable':
        return `the output folder refused a brief (${outputRefused}), so no more were paid for`;
      case 'llm-unavailable':
        return `${breaker.openReason}, so no more papers were started`;
      default:
        return 'the run was interrupted';
    }
  };

  const processPaper = async (paper: PaperMetadata, signal: AbortSignal, priority: number, batch: CompletionBatch | undefined): Promise<PaperRun> => {
    const startedAt = performance.now();
    let loaded: PaperText | undefined;
    try {
      loaded = await loadInTurn(paper, signal);
    } catch (error) {
      return failed(paper, error, startedAt, {}, 'download');
    }
    if (!loaded) return notStarted(paper, stopReason(), startedAt);
    const paperText = loaded;
    const durations = { downloadMs: paperText.downloadMs, extractMs: paperText.extractMs };
    const input = planPaperInput(paperText.text, prompts, config);
    const promptTokens = countInstructionTokens() + countTokens(`${paper.title}\n${paper.authors.join(', ')}\n${paper.abstract}`);
    const inputTokens = promptTokens + input.tokens + (input.chunks ? input.tokens : 0);
    // A long paper's parts each get notes before the brief: an answer each.
    const answers = input.chunks ? input.chunks.length + 1 : 1;
    const reusedBrief = plan.reusedBriefs.get(paper);
    const proseStyles = plan.missingStyles.get(paper) ?? [];
    const styleCalls = groupStyleCalls(proseStyles, prompts);
    // Each call reads the paper (or its notes) again; styles asked in one call share that read and write their own answers.
    const styleEstimates = [
      ...(reusedBrief ? [] : [{ style: 'brief' as const, costUsd: estimateCostUsd(config.model, inputTokens, EXPECTED_OUTPUT_TOKENS * answers, estimatePrices) }]),
      ...styleCalls.flatMap((styles) => styles.map((style) => ({ style, costUsd: estimateCostUsd(config.model, inputTokens / styles.length, (EXPECTED_OUTPUT_TOKENS * (answers - 1)) / styles.length + PROSE_STYLES[style].expectedOutputTokens, estimatePrices) }))),
    ];
    const estimate = styleEstimates.some((entry) => entry.costUsd === null) ? null : styleEstimates.reduce((sum, entry) => sum + (entry.costUsd ?? 0), 0);
    const calls = ((reusedBrief ? 0 : 1) + styleCalls.length) * answers;
    // A repair or the grounding round resends the conversation: the paper, and an answer more.
    const followUpEstimate = estimateCostUsd(config.model, inputTokens + EXPECTED_OUTPUT_TOKENS, EXPECTED_OUTPUT_TOKENS, followUpPrices) ?? 0;
    if (dryRun) {
      result.estimates.push({ paper, pages: paperText.pageCount, inputTokens, mapReduce: input.chunks !== null, costUsd: estimate, styles: styleEstimates });
      return { ...identify(paper), outcome: 'not-started', reason: 'dry run', durations: { ...durations, totalMs: Math.round(performance.now() - startedAt) } };
    }

    return llmQueue.add(
      async (): Promise<PaperRun> => {
        // A refused download stops downloads only: the papers already here still go to the model.
        if (isStopped() && currentStop() !== 'arxiv-refused') return notStarted(paper, stopReason(), startedAt);
        // Spend so far, plus what requests in flight may still cost, plus this paper's estimate.
        const reservation = budget.reserve(estimate ?? 0);
        if (!reservation) return notStarted(paper, stopReason(), startedAt);
        const settle = (usage: Usage) => reservation.settle(computeCostUsd(config.model, usage, config.prices) ?? 0);
        const meter = createUsageMeter({ onAnswered: settle });
        // Repairs and the grounding round go ahead only while the budget holds them, so --max-cost is never passed.
        const admitFollowUp = () => reservation.extend(followUpEstimate);
        // The parts of a long paper are in its reservation, but answers longer than estimated can use it up: each next call needs its share.
        const admitCall = () => reservation.ensure((estimate ?? 0) / calls);
        reporter.paperEvent({ id: label(paper), title: paper.title, kind: 'generating' });
        const llmStartedAt = performance.now();
        const styleRuns: StyleRun[] = [];
        let stylesAlongside: Promise<StyleRun[]> | undefined;
        try {
          const { collectStyleFigures, generateBrief } = await loadPaperSteps();
          // Before the first call: every call of the paper lists the same figures, so they share one prompt prefix.
          const found = await collectStyleFigures(context, paper, signal);
          const figures = found?.figures.figures ?? [];
          const dependencies = { config, prompts, llm: context.llm(), signal, breaker, admitFollowUp, admitCall, figures, ...(batch ? { batch } : {}) };
          const writeStyles = (styles: ProseStyleName[]) => writeProseStyles(paper, paperText, styles, found, { ...dependencies, meter: createUsageMeter({ onAnswered: settle }) });
          // In a batch the styles go in the brief's batch (none reads the brief): each round of batches can take hours.
          stylesAlongside = batch ? Promise.all(styleCalls.map(writeStyles)).then((runs) => runs.flat()) : undefined;
          const brief = reusedBrief ?? (await generateBrief(paper, paperText, { ...dependencies, meter }));
          if (!reusedBrief) await storeBrief(brief);
          result.briefs.set(paper, brief);
          if (stylesAlongside) styleRuns.push(...(await stylesAlongside));
          else for (const styles of styleCalls) styleRuns.push(...(await writeStyles(styles)));
          // A style that failed was paid for too: its calls count in the paper's spend.
          const usage = styleRuns.reduce((sum, entry) => addUsage(sum, entry.usage), reusedBrief ? ZERO_USAGE : brief.generation.usage);
          const styleFailure = styleRuns.find((entry) => entry.outcome === 'failed');
          const run: PaperRun = {
            ...identify(paper),
            outcome: styleFailure ? 'failed' : 'summarized',
            ...(styleFailure ? { reason: styleFailure.reason, stage: 'generate' as const } : {}),
            attempts: (reusedBrief ? 0 : brief.generation.attempts) + styleRuns.reduce((sum, entry) => sum + entry.attempts, 0),
            usage,
            costUsd: computeCostUsd(config.model, usage, config.prices),
            ...(styleRuns.length > 0 ? { styles: styleRuns.map(({ style, outcome, costUsd, durationMs, reason }) => ({ style, outcome, costUsd, durationMs, ...(reason ? { reason } : {}) })) } : {}),
            durations: { ...durations, llmMs: Math.round(performance.now() - llmStartedAt), totalMs: Math.round(performance.now() - startedAt) },
          };
          reporter.paperEvent(
            styleFailure
              ? { id: label(paper), title: paper.title, kind: 'failed', detail: styleFailure.reason }
              : { id: label(paper), title: paper.title, kind: 'summarized', costUsd: run.costUsd ?? null, durationMs: run.durations.totalMs },
          );
          return run;
        } catch (error) {
          // The styles sent beside a brief that failed still finish: they are paid for.
          await stylesAlongside;
          return failed(paper, error, startedAt, { ...durations, llmMs: Math.round(performance.now() - llmStartedAt) }, 'generate', meter);
        } finally {
          reservation.release();
        }
      },
      { priority },
    );
  };

  // The output folder refused the brief: keep it in the cache for the next run, and pay for no more.
  const storeBrief = async (brief: Brief) => {
    try {
      await writeBrief(config.outputDir, brief);
    } catch (error) {
      if (!(error instanceof OutputWriteError)) throw error;
      outputRefused ??= error.message;
      const keptAt = await keepPendingBrief(config.cacheDir, brief);
      const kept = keptAt ? `; the brief is kept in ${keptAt} and the next run writes it without paying again` : '';
      throw new PaperError(brief.paper.id, 'write', `${error.message}${kept}`, { cause: error });
    }
  };

  // One style failing leaves the brief and the other styles in place; the paper's run says which failed and why.
  const writeProseStyles = async (paper: PaperMetadata, paperText: PaperText, styles: ProseStyleName[], found: Awaited<ReturnType<typeof collectStyleFigures>>, dependencies: GenerateStyleDependencies & { meter: UsageMeter }): Promise<StyleRun[]> => {
    const startedAt = performance.now();
    const failedRun = (style: ProseStyleName, error: unknown, usage: Usage, attempts: number): StyleRun => ({ style, outcome: 'failed', attempts, usage, costUsd: computeCostUsd(config.model, usage, config.prices), durationMs: Math.round(performance.now() - startedAt), reason: `${style}: ${describeFailure(error)}` });
    let generated: GeneratedStyle[];
    try {
      generated = await (await loadPaperSteps()).generateStyles(paper, paperText, styles, dependencies);
    } catch (error) {
      const { usage, requests } = dependencies.meter;
      return styles.length === 1 ? [failedRun(styles[0]!, error, usage, requests)] : styles.map((style) => failedRun(style, error, ZERO_USAGE, 0));
    }
    const runs: StyleRun[] = [];
    for (const entry of generated) {
      const { style } = entry;
      if ('error' in entry) {
        runs.push(failedRun(style, entry.error, entry.usage, entry.attempts));
        continue;
      }
      try {
        const written = found === null || !PROSE_STYLES[style].showsFigures ? entry.result : { ...entry.result, figures: { source: found.figures.source, shown: await placeFigures(config.outputDir, paper, readPickedFigures(entry.result.content), found.figures.figures, found.folder) } };
        await writeStyleResult(config.outputDir, written);
        result.styles.set(paper, [...(result.styles.get(paper) ?? []), written]);
        runs.push({ style, outcome: 'written', attempts: written.generation.attempts, usage: written.generation.usage, costUsd: written.generation.costUsd, durationMs: written.generation.durationMs });
      } catch (error) {
        runs.push(failedRun(style, error, entry.result.generation.usage, entry.result.generation.attempts));
      }
    }
    return runs;
  };

  // `stage` is where the paper was when an error that names no stage (a bug, a refused request) stopped it.
  const failed = (paper: PaperMetadata, error: unknown, startedAt: number, durations: PaperRun['durations'] | Record<string, number>, stage: PaperStage, meter?: UsageMeter): PaperRun => {
    // A bug in one paper's path must not stop the others either; its message still names the paper.
    const reason = abortSignal.aborted ? 'abandoned when the run was interrupted' : describeFailure(error);
    // Every paid request counts, whatever failed after it; requests never answered have an unknown cost.
    const spent = meter && meter.requests > 0 ? { usage: meter.usage, costUsd: computeCostUsd(config.model, meter.usage, config.prices) } : {};
    const run: PaperRun = {
      ...identify(paper),
      outcome: 'failed',
      reason,
      stage: error instanceof PaperError ? error.stage : stage,
      ...spent,
      ...(meter && meter.unmetered > 0 ? { unmeteredRequests: meter.unmetered } : {}),
      durations: { ...durations, totalMs: Math.round(performance.now() - startedAt) },
    };
    reporter.paperEvent({ id: label(paper), title: paper.title, kind: 'failed', detail: reason });
    return run;
  };

  // The OpenAI SDK never removes the abort listener it adds for each request: every paper gets its own
  // signal, dropped with the paper, so listeners do not pile up (nor warn about a leak in the cron mail).
  const runAbort = followSignal(abortSignal);
  const runs = await Promise.all(
    plan.summarize.map(async (paper, index) => {
      const paperSignal = followSignal(runAbort.signal);
      const participant = batchQueue?.join(label(paper));
      try {
        // Earlier papers in the source's list go to the model first, so a budget stop keeps the top of the list.
        return [paper, await processPaper(paper, paperSignal.signal, plan.summarize.length - index, participant)] as const;
      } finally {
        participant?.leave();
        paperSignal.release();
      }
    }),
  );
  runAbort.release();
  // An interrupted run keeps its batches' records: the rerun takes their answers instead of paying again.
  if (batchQueue && !abortSignal.aborted) await batchQueue.close();
  for (const [paper, run] of runs) result.papers.set(paper, run);
  const stoppedBy = currentStop();
  if (stoppedBy) result.stoppedBy = stoppedBy;
  // The segments read the briefs: a batch of their own, unless follow-ups go at once or the deadline took over from this one.
  if (choice.batch && config.batchFollowUps === 'next-batch' && !batchQueue?.fellBack) result.afterBriefs = batchPlan;
  return result;
}

// --- internal ---

// SUMMARIZE_BATCH=auto sends at once to a server without the Batch API, instead of failing every paper as --batch would.
async function confirmBatchApi(context: PaperContext, choice: BatchChoice): Promise<BatchChoice> {
  if (context.config.batch !== 'auto' || !choice.batch || (await hasBatchApi(context.llm()))) return choice;
  return { batch: false, line: `model calls: sent at once: the server at ${context.llm().baseURL} has no Batch API (404 on GET /v1/batches)` };
}

// Sending at once (SUMMARIZE_BATCH=auto or off) still collects the batches an earlier attempt submitted: they are paid for, and sending their calls again would pay twice.
async function collectRecordedBatches(context: PaperContext, options: RunPapersOptions, choice: BatchChoice): Promise<BatchChoice> {
  const { config } = context;
  if (config.batch === 'on' || choice.batch || options.dryRun || options.plan.summarize.length === 0) return choice;
  const { createBatchJournal } = await import('../batch/batch-journal.js');
  const submitted = (await createBatchJournal(config.cacheDir).list()).filter((record) => record.batchId !== undefined);
  if (submitted.length === 0 || !(await hasBatchApi(context.llm()))) return choice;
  const batches = submitted.length === 1 ? 'the batch an earlier attempt submitted (paid for already) is' : `the ${submitted.length} batches an earlier attempt submitted (paid for already) are`;
  if (config.batch === 'off') {
    // Turned off after a batch night was killed: its answers are taken as they stand, nothing more is waited for.
    const now = options.batchClock?.now() ?? Date.now();
    const deadline = { at: now, label: 'now', concurrency: config.llmConcurrency, giveUpReason: 'SUMMARIZE_BATCH is off' };
    return { batch: false, onlyRecorded: true, deadline, line: `model calls: sent at once (SUMMARIZE_BATCH is off); first, ${batches} cancelled, ${submitted.length === 1 ? 'its' : 'their'} answers kept and only the rest sent at once` };
  }
  const deadline = options.deadline ? { at: options.deadline.at, label: options.deadline.label, concurrency: config.llmConcurrency } : undefined;
  const collected = deadline
    ? `waited for while the deadline allows, then cancelled, ${submitted.length === 1 ? 'its' : 'their'} answers kept and only the rest sent at once`
    : 'waited for, as no deadline says to give them up';
  return { batch: false, onlyRecorded: true, deadline, line: `${choice.line ?? 'model calls: sent at once'}; first, ${batches} ${collected}` };
}

// SUMMARIZE_BATCH=auto chooses by the deadline, counting the calls of the papers with work (the blurb and the commentary one); a dry run estimates at the list price.
function chooseRunBatch(context: PaperContext, options: RunPapersOptions): BatchChoice {
  const { config } = context;
  const { plan } = options;
  if (config.batch === 'auto' && (options.dryRun || plan.summarize.length === 0)) return { batch: false };
  const calls = plan.summarize.reduce((sum, paper) => sum + (plan.reusedBriefs.has(paper) ? 0 : 1) + groupStyleCalls(plan.missingStyles.get(paper) ?? [], context.prompts).length, 0);
  return chooseBatchMode({ mode: config.batch, deadline: options.deadline, calls, concurrency: config.llmConcurrency, now: options.batchClock?.now() ?? Date.now() });
}

// The paper's own path (PDF and text, model calls, figures) loads with the first paper that has work: a rerun that
// skips every paper never loads the model client, the PDF reader or the checks.
async function loadPaperSteps() {
  const [{ loadPaperText }, { collectStyleFigures }, { generateBrief }, { generateStyles }] = await Promise.all([
    import('./load-paper-text.js'),
    import('./collect-style-figures.js'),
    import('./generate-brief.js'),
    import('./generate-style.js'),
  ]);
  return { loadPaperText, collectStyleFigures, generateBrief, generateStyles };
}

interface StyleRun {
  style: ProseStyleName;
  outcome: 'written' | 'failed';
  attempts: number;
  usage: Usage;
  costUsd: number | null;
  durationMs: number;
  reason?: string;
}

function identify(paper: PaperMetadata) {
  return { id: paper.id, version: paper.version, title: paper.title };
}

function label(paper: PaperMetadata): string {
  return formatArxivId(paper);
}

// A 403, or a Retry-After longer than we wait (a day-long 429): every later download would be refused too.
function findArxivRefusal(error: unknown): ArxivForbiddenError | ArxivRequestError | undefined {
  if (error instanceof ArxivForbiddenError || (error instanceof ArxivRequestError && error.reason === 'retry-after-too-long')) return error;
  // The download wraps the request's error in the paper's.
  return error instanceof PaperError ? findArxivRefusal(error.cause) : undefined;
}

// The figure numbers the model picked, in its order; a style without picks has none.
function readPickedFigures(content: Record<string, unknown>): number[] {
  const figures = content['figures'];
  return Array.isArray(figures) ? figures.flatMap((figure: unknown) => (typeof figure === 'object' && figure !== null && typeof (figure as { number?: unknown }).number === 'number' ? [(figure as { number: number }).number] : [])) : [];
}
