import PQueue from 'p-queue';
import type { Brief, PaperMetadata, Usage } from '../brief/brief-schema.js';
import type { ProgressReporter } from '../cli/progress/create-progress-reporter.js';
import { BriefError, PaperError } from '../errors/brief-error.js';
import { computeCostUsd } from '../llm/compute-cost-usd.js';
import { estimateCostUsd } from '../llm/estimate-cost-usd.js';
import { writeBrief } from '../output/brief-store.js';
import type { PaperContext } from './create-paper-context.js';
import { BriefGenerationError, generateBrief } from './generate-brief.js';
import { loadPaperText } from './load-paper-text.js';
import type { PaperText } from './paper-text.js';
import { planPaperInput } from './plan-paper-input.js';
import type { RunPlan } from './plan-run.js';
import type { PaperRun } from './run-report.js';

// A brief (JSON of five points, critique, quiz, flowchart) is about this long; reasoning models think on top.
export const EXPECTED_OUTPUT_TOKENS = 3_000;

export interface RunPapersOptions {
  plan: RunPlan;
  reporter: ProgressReporter;
  /** Stops starting new work (first Ctrl-C); work in flight goes on. */
  stopSignal: AbortSignal;
  /** Abandons work in flight (second Ctrl-C, SIGTERM). */
  abortSignal: AbortSignal;
  maxCostUsd?: number | undefined;
  dryRun: boolean;
}

export interface DryRunEstimate {
  paper: PaperMetadata;
  pages: number;
  inputTokens: number;
  mapReduce: boolean;
  costUsd: number | null;
}

export interface RunPapersResult {
  papers: Map<PaperMetadata, PaperRun>;
  briefs: Map<PaperMetadata, Brief>;
  estimates: DryRunEstimate[];
  stoppedBy?: 'interrupt' | 'budget';
}

/**
 * Pipelined: each paper goes on to the model as soon as its own text is ready, so the LLM works on the
 * first papers while later PDFs still download (one at a time, politely) and extract (in workers).
 */
export async function runPapers(context: PaperContext, options: RunPapersOptions): Promise<RunPapersResult> {
  const { config, prompts } = context;
  const { plan, reporter, stopSignal, abortSignal, maxCostUsd, dryRun } = options;
  const llmQueue = new PQueue({ concurrency: config.llmConcurrency });
  const result: RunPapersResult = { papers: new Map(), briefs: new Map(), estimates: [] };
  let spentUsd = 0;
  let reservedUsd = 0;
  let budgetStopped = false;

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
  const stopReason = () => (budgetStopped ? 'the --max-cost budget was reached' : 'the run was interrupted');

  const processPaper = async (paper: PaperMetadata): Promise<PaperRun> => {
    const startedAt = performance.now();
    if (stopSignal.aborted || budgetStopped) return notStarted(paper, stopReason(), startedAt);
    reporter.paperEvent({ id: label(paper), title: paper.title, kind: 'downloading' });
    let paperText: PaperText;
    try {
      paperText = await loadPaperText(paper, { ...context, signal: abortSignal });
    } catch (error) {
      return failed(paper, error, startedAt, {});
    }
    const durations = { downloadMs: paperText.downloadMs, extractMs: paperText.extractMs };
    const input = planPaperInput(paperText.text, prompts, config);
    const inputTokens = input.tokens + (input.chunks ? input.tokens : 0);
    const estimate = estimateCostUsd(config.model, inputTokens, EXPECTED_OUTPUT_TOKENS, config.prices);
    if (dryRun) {
      result.estimates.push({ paper, pages: paperText.pageCount, inputTokens, mapReduce: input.chunks !== null, costUsd: estimate });
      return { ...identify(paper), outcome: 'not-started', reason: 'dry run', durations: { ...durations, totalMs: Math.round(performance.now() - startedAt) } };
    }

    return llmQueue.add(
      async (): Promise<PaperRun> => {
        if (stopSignal.aborted || budgetStopped) return notStarted(paper, stopReason(), startedAt);
        // Spend so far, plus what calls in flight may still cost, plus this paper's estimate.
        if (maxCostUsd !== undefined && spentUsd + reservedUsd + (estimate ?? 0) > maxCostUsd) {
          budgetStopped = true;
          result.stoppedBy ??= 'budget';
          return notStarted(paper, stopReason(), startedAt);
        }
        reservedUsd += estimate ?? 0;
        reporter.paperEvent({ id: label(paper), title: paper.title, kind: 'generating' });
        const llmStartedAt = performance.now();
        try {
          const brief = await generateBrief(paper, paperText, { config, prompts, llm: context.llm(), signal: abortSignal });
          await writeBrief(config.outputDir, brief);
          spentUsd += brief.generation.costUsd ?? 0;
          result.briefs.set(paper, brief);
          const run: PaperRun = {
            ...identify(paper),
            outcome: 'summarized',
            attempts: brief.generation.attempts,
            usage: brief.generation.usage,
            costUsd: brief.generation.costUsd,
            durations: { ...durations, llmMs: Math.round(performance.now() - llmStartedAt), totalMs: Math.round(performance.now() - startedAt) },
          };
          reporter.paperEvent({ id: label(paper), title: paper.title, kind: 'summarized', costUsd: run.costUsd ?? null, durationMs: run.durations.totalMs });
          return run;
        } catch (error) {
          const usage = error instanceof BriefGenerationError ? error.usage : undefined;
          const costUsd = usage ? computeCostUsd(config.model, usage, config.prices) : undefined;
          spentUsd += costUsd ?? 0;
          return failed(paper, error, startedAt, { ...durations, llmMs: Math.round(performance.now() - llmStartedAt) }, usage, costUsd);
        } finally {
          reservedUsd -= estimate ?? 0;
        }
      },
    );
  };

  const failed = (paper: PaperMetadata, error: unknown, startedAt: number, durations: PaperRun['durations'] | Record<string, number>, usage?: Usage, costUsd?: number | null): PaperRun => {
    // A bug in one paper's path must not stop the others either; its message still names the paper.
    const reason = abortSignal.aborted ? 'abandoned when the run was interrupted' : describeFailure(error);
    const run: PaperRun = {
      ...identify(paper),
      outcome: 'failed',
      reason,
      stage: error instanceof PaperError ? error.stage : undefined,
      ...(usage ? { usage, costUsd: costUsd ?? null } : {}),
      durations: { ...durations, totalMs: Math.round(performance.now() - startedAt) },
    };
    reporter.paperEvent({ id: label(paper), title: paper.title, kind: 'failed', detail: reason });
    return run;
  };

  const runs = await Promise.all(plan.summarize.map(async (paper) => [paper, await processPaper(paper)] as const));
  for (const [paper, run] of runs) result.papers.set(paper, run);
  if (stopSignal.aborted && !result.stoppedBy) result.stoppedBy = 'interrupt';
  return result;
}

// --- internal ---

function identify(paper: PaperMetadata) {
  return { id: paper.id, version: paper.version, title: paper.title };
}

function label(paper: PaperMetadata): string {
  return `${paper.id}v${paper.version}`;
}

function describeFailure(error: unknown): string {
  if (error instanceof BriefError) return error.message;
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}
