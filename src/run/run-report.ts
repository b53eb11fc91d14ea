import { z } from 'zod';
import { UsageSchema } from '../brief/brief-schema.js';
import type { Outcome } from './outcome.js';

// What a run did, paper by paper: written to <outputDir>/runs/<startedAt>.json so cron runs can be read back.

const isoTimestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 timestamp');
const milliseconds = z.number().nonnegative();

export const RunCommandSchema = z.enum(['nightly', 'summarize', 'podcast']);
export type RunCommand = z.infer<typeof RunCommandSchema>;

export const RunSourceSchema = z.object({
  kind: z.enum(['hf', 'arxiv', 'arxiv-announced', 'file', 'stdin', 'ids', 'edition']),
  detail: z.string().describe('where the IDs came from: URL, file path, category query or the IDs typed; a stored edition (`summarize podcast`): its digest'),
  empty: z.boolean().describe('true when the source listed no papers at all'),
});
export type RunSource = z.infer<typeof RunSourceSchema>;

export const RunOptionsSchema = z.object({
  model: z.string().min(1),
  promptVersion: z.string().min(1),
  maxCostUsd: z.number().nonnegative().optional(),
  dryRun: z.boolean(),
  limit: z.number().int().positive().optional(),
});
export type RunOptions = z.infer<typeof RunOptionsSchema>;

export const RunStatusSchema = z.enum(['running', 'completed', 'stopped', 'interrupted', 'budget-stopped', 'empty-source', 'stale-feed', 'failed']);
export type RunStatus = z.infer<typeof RunStatusSchema>;

export const StopReasonSchema = z.enum(['interrupt', 'budget', 'arxiv-refused', 'llm-unavailable', 'output-unwritable']);

/** A step after the papers (publishing the edition, sending it): recorded so its failure is seen, never lost. */
export const RunStepSchema = z.object({
  ok: z.boolean(),
  detail: z.string().describe('what was written or sent, or why it failed'),
  paths: z.array(z.string()).optional(),
  durationMs: z.number().nonnegative().optional(),
  costUsd: z.number().nonnegative().nullable().optional().describe('what the step paid (the podcast: segments and speech); null when a price is unknown'),
});
export type RunStep = z.infer<typeof RunStepSchema>;

export const PaperOutcomeSchema = z.enum(['summarized', 'skipped', 'failed', 'not-started', 'not-selected']);
export type PaperOutcome = z.infer<typeof PaperOutcomeSchema>;

export const PaperRunSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().positive().optional(),
  title: z.string().optional(),
  outcome: PaperOutcomeSchema,
  reason: z.string().optional().describe('why it was skipped, failed, not started or not selected'),
  stage: z.enum(['metadata', 'download', 'extract', 'generate', 'write']).optional().describe('where it failed'),
  attempts: z.number().int().nonnegative().optional(),
  usage: UsageSchema.optional(),
  costUsd: z.number().nonnegative().nullable().optional().describe('null when the model has no known price; absent when no model call was made'),
  unmeteredRequests: z.number().int().positive().optional().describe('LLM requests never answered (timed out, abandoned): their cost is unknown, so costUsd is a lower bound'),
  ranking: z
    .object({
      rank: z.number().int().positive().nullable().describe('1 for the best; null when a -term in the interests dropped it'),
      score: z.number(),
      reason: z.string().describe('why it ranked there: "nearest interest: …", "matches: …", "42 upvotes"'),
    })
    .optional()
    .describe('where ranking put the paper; absent when the run did not rank'),
  styles: z
    .array(
      z.object({
        style: z.string(),
        outcome: z.enum(['written', 'failed']),
        costUsd: z.number().nonnegative().nullable(),
        durationMs: milliseconds,
        reason: z.string().optional(),
      }),
    )
    .optional()
    .describe('the styles besides the brief written this run, each with its own cost and time (included in the paper\'s)'),
  durations: z.object({
    downloadMs: milliseconds.optional(),
    extractMs: milliseconds.optional(),
    llmMs: milliseconds.optional(),
    totalMs: milliseconds,
  }),
});
export type PaperRun = z.infer<typeof PaperRunSchema>;

export const RunTotalsSchema = z.object({
  papers: z.number().int().nonnegative(),
  summarized: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  notStarted: z.number().int().nonnegative(),
  notSelected: z.number().int().nonnegative().optional().describe('candidates ranked below --top or dropped by a -term'),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cachedInputTokens: z.number().int().nonnegative(),
  batchedInputTokens: z.number().int().nonnegative().optional().describe('input tokens answered through the Batch API, billed at its price; absent when none were'),
  costUsd: z.number().nonnegative().describe('known spend only, the steps after the papers (styles, podcast) included; see costUnknown'),
  costUnknown: z.boolean().describe('true when some paper used a model without a price or made requests never answered, so costUsd is a lower bound'),
});
export type RunTotals = z.infer<typeof RunTotalsSchema>;

export const RunReportSchema = z.object({
  schemaVersion: z.literal(1),
  runId: z.string().min(1),
  command: RunCommandSchema,
  startedAt: isoTimestamp,
  finishedAt: isoTimestamp,
  durationMs: milliseconds,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('the day whose papers the run covers'),
  source: RunSourceSchema,
  options: RunOptionsSchema,
  status: RunStatusSchema,
  stopReason: StopReasonSchema.optional().describe('why the run ended before its list did'),
  failure: z.string().optional().describe('status failed: why the run could not go on (the source unreachable, a bug)'),
  papers: z.array(PaperRunSchema),
  totals: RunTotalsSchema,
  digest: z.object({ path: z.string(), papers: z.number().int().nonnegative() }).optional(),
  publish: RunStepSchema.optional().describe('writing the digest, editions, archive and feeds'),
  send: RunStepSchema.optional().describe('mailing the edition (--send)'),
  styles: RunStepSchema.optional().describe('writing the styles besides the brief (--style)'),
  podcast: RunStepSchema.optional().describe('making the day\'s episode and podcast feed (--podcast)'),
  ranking: z
    .object({
      method: z.enum(['interests', 'upvotes', 'source']),
      scoring: z.enum(['embeddings', 'keywords', 'none']).describe('how interests were scored; keywords is the BM25 fallback'),
      interests: z.string().optional().describe('the interests file'),
      top: z.number().int().positive().optional(),
      candidates: z.number().int().nonnegative(),
      selected: z.number().int().nonnegative(),
      excluded: z.number().int().nonnegative(),
      embeddings: z
        .object({
          model: z.string(),
          requests: z.number().int().nonnegative(),
          cachedTexts: z.number().int().nonnegative(),
          embeddedTexts: z.number().int().nonnegative(),
          inputTokens: z.number().int().nonnegative(),
          costUsd: z.number().nonnegative().nullable().describe('null when the embedding model has no known price'),
        })
        .optional(),
    })
    .optional()
    .describe('how the candidates were chosen; absent when the run did not rank'),
  outcome: z.enum(['done', 'failed', 'partial', 'interrupted']).describe('what cron sees: exit code 0, 1, 3 or 130'),
});
export type RunReport = z.infer<typeof RunReportSchema>;

/** Adds up outcomes, tokens and spend; pure so the orchestrator and the progress line agree. */
export function computeTotals(papers: readonly PaperRun[]): RunTotals {
  const totals: RunTotals = {
    papers: papers.length,
    summarized: 0,
    skipped: 0,
    failed: 0,
    notStarted: 0,
    notSelected: 0,
    inputTokens: 0,
    outputTokens: 0,
    cachedInputTokens: 0,
    costUsd: 0,
    costUnknown: false,
  };
  for (const paper of papers) {
    totals[OUTCOME_TOTAL[paper.outcome]] += 1;
    if (paper.usage) {
      totals.inputTokens += paper.usage.inputTokens;
      totals.outputTokens += paper.usage.outputTokens;
      totals.cachedInputTokens += paper.usage.cachedInputTokens;
      if (paper.usage.batched) totals.batchedInputTokens = (totals.batchedInputTokens ?? 0) + paper.usage.batched.inputTokens;
    }
    if (typeof paper.costUsd === 'number') totals.costUsd += paper.costUsd;
    else if (paper.costUsd === null) totals.costUnknown = true;
    if (paper.unmeteredRequests) totals.costUnknown = true;
  }
  totals.costUsd = roundUsd(totals.costUsd);
  return totals;
}

/**
 * What cron sees (exit code in parentheses): 0 when every paper was summarized or skipped; 3 when some failed or
 * the budget stopped the run with papers left undone (both mean "the day is incomplete, look at the
 * report"); 130 when interrupted. An empty source exits 0: weekends and holidays have no
 * announcements, so it is reported by status 'empty-source' and a stderr line, not as a failure.
 */
export function runOutcome(report: Pick<RunReport, 'status' | 'totals' | 'options'> & Partial<Pick<RunReport, 'publish' | 'send' | 'podcast' | 'styles'>>): Outcome {
  // A report still `running` is what a run killed mid-way leaves behind.
  if (report.status === 'running' || report.status === 'failed') return 'failed';
  if (report.status === 'interrupted') return 'interrupted';
  if (report.status === 'budget-stopped' || report.status === 'stopped') return 'partial';
  // The briefs are written, but readers got no edition (or not all of them got it).
  if (report.publish?.ok === false || report.send?.ok === false || report.podcast?.ok === false || report.styles?.ok === false) return 'partial';
  // A dry run leaves every paper not started on purpose; only its failures count.
  const notStarted = report.options.dryRun ? 0 : report.totals.notStarted;
  if (report.totals.failed > 0 || notStarted > 0) return 'partial';
  return 'done';
}

export interface BuildRunReportInput {
  runId: string;
  command: RunCommand;
  startedAt: string;
  finishedAt: string;
  date: string;
  source: RunSource;
  options: RunOptions;
  papers: PaperRun[];
  /** Why the run ended before its work list did; omitted when it ran to the end. */
  stoppedBy?: z.infer<typeof StopReasonSchema> | undefined;
  digest?: RunReport['digest'];
  publish?: RunStep;
  send?: RunStep;
  podcast?: RunStep;
  styles?: RunStep | undefined;
  /** A report written at the start, before any paper: status `running` until the final one replaces it. */
  running?: boolean;
  /** The run could not go on: status `failed`, with this reason. */
  failure?: string;
  /** The announcement feed served an earlier announcement again: status `stale-feed`, nothing published or mailed. */
  staleFeed?: boolean;
  ranking?: RunReport['ranking'];
}

/** Derives status, totals, duration and exit code, so they cannot disagree with the papers. */
export function buildRunReport(input: BuildRunReportInput): RunReport {
  const totals = addStepSpend(addEmbeddingSpend(computeTotals(input.papers), input.ranking?.embeddings), [input.styles, input.podcast]);
  const status = input.running ? 'running' : input.failure !== undefined ? 'failed' : input.staleFeed ? 'stale-feed' : runStatus(input.stoppedBy, input.source);
  return {
    schemaVersion: 1,
    runId: input.runId,
    command: input.command,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    durationMs: Math.max(0, Date.parse(input.finishedAt) - Date.parse(input.startedAt)),
    date: input.date,
    source: input.source,
    options: input.options,
    status,
    ...(input.stoppedBy ? { stopReason: input.stoppedBy } : {}),
    ...(input.failure !== undefined ? { failure: input.failure } : {}),
    papers: input.papers,
    totals,
    ...(input.digest ? { digest: input.digest } : {}),
    ...(input.publish ? { publish: input.publish } : {}),
    ...(input.send ? { send: input.send } : {}),
    ...(input.styles ? { styles: input.styles } : {}),
    ...(input.podcast ? { podcast: input.podcast } : {}),
    ...(input.ranking ? { ranking: input.ranking } : {}),
    outcome: runOutcome({ status, totals, options: input.options, publish: input.publish, send: input.send, podcast: input.podcast, styles: input.styles }),
  };
}

// --- internal ---

const OUTCOME_TOTAL = {
  summarized: 'summarized',
  skipped: 'skipped',
  failed: 'failed',
  'not-started': 'notStarted',
  'not-selected': 'notSelected',
} as const satisfies Record<PaperOutcome, keyof RunTotals>;

function runStatus(stoppedBy: BuildRunReportInput['stoppedBy'], source: RunSource): RunStatus {
  if (stoppedBy === 'interrupt') return 'interrupted';
  if (stoppedBy === 'budget') return 'budget-stopped';
  if (stoppedBy) return 'stopped';
  return source.empty ? 'empty-source' : 'completed';
}

// A night's spend is what every paid call cost: the ranking's embeddings too.
function addEmbeddingSpend(totals: RunTotals, embeddings: { costUsd: number | null } | undefined): RunTotals {
  if (!embeddings) return totals;
  if (embeddings.costUsd === null) return { ...totals, costUnknown: true };
  return { ...totals, costUsd: roundUsd(totals.costUsd + embeddings.costUsd) };
}

// The styles and the podcast are paid after the papers, also when they then fail.
function addStepSpend(totals: RunTotals, steps: ReadonlyArray<RunStep | undefined>): RunTotals {
  let { costUsd, costUnknown } = totals;
  for (const step of steps) {
    if (step?.costUsd === null) costUnknown = true;
    else if (step?.costUsd !== undefined) costUsd += step.costUsd;
  }
  return { ...totals, costUsd: roundUsd(costUsd), costUnknown };
}

// Float sums drift (0.1 + 0.2); a millionth of a dollar is finer than any price.
function roundUsd(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}
