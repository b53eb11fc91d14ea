import { randomUUID } from 'node:crypto';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import { formatCount } from '../format/format-count.js';
import { PaperNotFoundError } from '../arxiv/paper-not-found-error.js';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { ArxivId } from '../arxiv/parse-arxiv-id.js';
import type { Brief, PaperMetadata } from '../brief/brief-schema.js';
import type { Config } from '../config/config-schema.js';
import type { StyleResult } from '../brief/style-result-schema.js';
import { readStoredStyle } from '../styles/style-store.js';
import { isProseStyle } from '../brief/style-names.js';
import { collectConfigSecrets } from '../secrets/collect-secrets.js';
import type { PodcastScript } from '../styles/podcast-script.js';
import { assertFolderWritable } from '../run/assert-folder-writable.js';
import { assertLlmEndpointUsable } from '../paper/assert-llm-endpoint-usable.js';
import { createPaperContext } from '../paper/create-paper-context.js';
import { lookUpPapers } from './look-up-papers.js';
import type { Outcome } from '../run/outcome.js';
import { recoverPendingBriefs } from '../run/pending-briefs.js';
import { planPapers } from '../paper/plan-papers.js';
import type { ProgressReporter } from '../run/progress-reporter.js';
import { buildRunReport, type PaperRun } from '../run/run-report.js';
import { runPapers } from '../paper/run-papers.js';
import { createSpendBudget } from '../run/spend-budget.js';
import { writeStyles } from '../paper/write-styles.js';
import { reserveRunReport, writeRunReport } from '../run/write-run-report.js';

export interface SummarizeIdsResult {
  /** `failed` when any paper failed: a one-off has no partial success to report. */
  outcome: Outcome;
  /** One per ID typed, in that order: the brief, or why there is none. */
  papers: Array<{ label: string; paper?: PaperMetadata; brief?: Brief; styles?: StyleResult[]; podcast?: PodcastScript; skipped?: boolean; failure?: string }>;
  reportPath: string;
}

/** `summarize <id>...`: the nightly run's own per-paper path for the IDs typed, with its run report; no lock, no edition. */
export async function summarizeIds(
  ids: ArxivId[],
  {
    config,
    reporter,
    force,
    watchInterrupts,
    now = () => new Date(),
  }: {
    config: Config;
    reporter: ProgressReporter;
    force: boolean;
    /**
     * Started only once papers go to the model: before that nothing is paid, and Ctrl-C may end the process at once
     * (an arXiv lookup cannot be cut short).
     */
    watchInterrupts?: () => { stopSignal: AbortSignal; abortSignal: AbortSignal; dispose(): void };
    now?: () => Date;
  },
): Promise<SummarizeIdsResult> {
  // Found out now, not after the model was paid for.
  await assertFolderWritable(config.outputDir, 'SUMMARIZE_OUTPUT_DIR (or --out)');
  await assertFolderWritable(config.cacheDir, 'SUMMARIZE_CACHE_DIR');
  const startedAt = now();
  const context = await createPaperContext(config, { extractorPoolSize: 1 });
  try {
    const { stuck } = await recoverPendingBriefs(config.outputDir, config.cacheDir);
    // Briefs already paid for still cannot be written: paying for more would only lose them too.
    const outputRefused = stuck.length === 0 ? undefined : `${formatCount(stuck.length, 'brief')} paid for earlier still cannot be written: ${stuck[0]!.reason}`;
    const labels = [...new Set(ids.map(formatArxivId))];
    reporter.log(`looking up ${labels.join(', ')} on arXiv`);
    const found = await lookUpPapers(context.arxivQueue, config.arxivApiUrl, ids);
    // `2509.08721` and `2509.08721v2` may name one version: it is briefed once.
    const papers = [...new Map(labels.flatMap((label) => found.get(label) ?? []).map((paper) => [toFileStem(paper.id, paper.version), paper])).values()];

    const plan = await planPapers(papers, config.outputDir, { model: config.model, promptVersion: context.prompts.version, force, styles: context.prompts.styles, language: config.language });
    // A refused key or an unknown model is found out before any PDF is downloaded.
    if (plan.summarize.length > 0) await assertLlmEndpointUsable(context, config);

    const runId = randomUUID();
    // Failure reasons quote servers, and a server may quote the key.
    const secrets = collectConfigSecrets(config);
    const options = { model: config.model, promptVersion: context.prompts.version, dryRun: false };
    const reportBase = { runId, command: 'summarize' as const, startedAt: startedAt.toISOString(), date: startedAt.toISOString().slice(0, 10), source: { kind: 'ids' as const, detail: labels.join(' '), empty: false }, options };
    const reportPath = await reserveRunReport(config.outputDir, buildRunReport({ ...reportBase, finishedAt: startedAt.toISOString(), papers: [], running: true }), labels.length, secrets);

    reporter.start(labels.length);
    const interrupts = watchInterrupts?.();
    const never = new AbortController().signal;
    let result: Awaited<ReturnType<typeof runPapers>>;
    try {
      result = await runPapers(context, { plan, reporter, stopSignal: interrupts?.stopSignal ?? never, abortSignal: interrupts?.abortSignal ?? never, dryRun: false, outputRefused });
    } finally {
      interrupts?.dispose();
    }

    // The other styles are written from the briefs, with the paper text already in the cache.
    const written = await writeStyles(context, [...result.briefs.values()], {
      styles: config.styles,
      budget: createSpendBudget(undefined),
      log: (line) => reporter.log(line),
      warn: (line) => reporter.warn(line),
      batch: result.afterBriefs,
    });

    const outcomes: SummarizeIdsResult['papers'] = [];
    const runs: PaperRun[] = [];
    for (const label of labels) {
      const paper = found.get(label);
      if (!paper) {
        const failure = new PaperNotFoundError(label).message;
        outcomes.push({ label, failure });
        runs.push({ id: label, outcome: 'failed', stage: 'metadata', reason: failure, durations: { totalMs: 0 } });
        continue;
      }
      const run = result.papers.get(paper)!;
      runs.push(run);
      const brief = result.briefs.get(paper);
      const podcast = written.podcast.get(paper.id);
      const styleFailure = written.failed.find((failure) => failure.id === paper.id);
      const styles = await readStoredStyles(config, paper);
      const failure = run.outcome === 'failed' || !brief ? run.reason ?? 'failed' : styleFailure ? `${paper.id}: the ${styleFailure.style} style failed: ${styleFailure.reason}` : undefined;
      outcomes.push({
        label,
        paper,
        ...(brief ? { brief, skipped: run.outcome === 'skipped' } : {}),
        ...(styles.length > 0 ? { styles } : {}),
        ...(podcast ? { podcast } : {}),
        ...(failure ? { failure } : {}),
      });
    }
    const report = buildRunReport({ ...reportBase, finishedAt: now().toISOString(), papers: runs, stoppedBy: result.stoppedBy });
    await writeRunReport(reportPath, report, secrets);
    return { outcome: report.outcome === 'interrupted' ? 'interrupted' : outcomes.some((entry) => entry.failure) ? 'failed' : 'done', papers: outcomes, reportPath };
  } finally {
    await context.close();
  }
}

// --- internal ---

// Written now or by an earlier run: what the paper has in the styles asked for.
async function readStoredStyles(config: Config, paper: PaperMetadata): Promise<StyleResult[]> {
  const found = await Promise.all(config.styles.filter(isProseStyle).map((style) => readStoredStyle(config.outputDir, paper, style, config.language)));
  return found.filter((result) => result !== null);
}
