import type { Brief } from '../brief/brief-schema.js';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import type { BatchPlan } from '../batch/batch-plan.js';
import { describeFailure } from '../errors/describe-failure.js';
import { loadStylePrompt } from '../brief/load-style-prompt.js';
import type { PodcastScript } from '../styles/podcast-script.js';
import type { StyleName } from '../brief/style-names.js';
import type { PaperContext } from './create-paper-context.js';
import { ensurePodcastSegment } from './ensure-podcast-segment.js';
import type { SpendBudget } from '../run/spend-budget.js';

export interface WrittenStyles {
  /** Results written now; stored ones reused cost nothing and are not counted. */
  written: number;
  failed: Array<{ id: string; style: StyleName; reason: string }>;
  /** What the calls cost; null when the model has no price. */
  costUsd: number | null;
  /** Each paper's podcast segment, new or stored, by arXiv ID. */
  podcast: Map<string, PodcastScript>;
}

/**
 * `--style`: every style asked for besides the brief, for each paper that has a brief, written from it
 * (and from the paper's cached text) and stored beside it; a style already stored for this model,
 * prompt and hosts costs nothing. A paper whose style fails keeps its brief.
 */
export async function writeStyles(
  context: PaperContext,
  briefs: readonly Brief[],
  options: {
    styles: readonly StyleName[];
    budget: SpendBudget;
    log: (line: string) => void;
    warn: (line: string) => void;
    signal?: AbortSignal;
    /** The segments go through the Batch API so (the run's `afterBriefs`); default: each at once. */
    batch?: BatchPlan | undefined;
  },
): Promise<WrittenStyles> {
  const result: WrittenStyles = { written: 0, failed: [], costUsd: 0, podcast: new Map() };
  if (!options.styles.includes('podcast')) return result;
  const stylePrompt = await loadStylePrompt(context.config.promptsDir, 'podcast', context.prompts.system);
  // Through --batch every paper's segment goes in one batch, at the batch price: each needs its brief, so it comes after theirs.
  // Loaded for --batch runs only; each answer's usage says it came through the batch, so its record counts it at the batch price.
  const batched = options.batch && briefs.length > 0 ? (await import('../batch/start-batch-queue.js')).startBatchQueue(context.llm(), context.config, options.log, options.signal ?? new AbortController().signal, options.batch) : undefined;
  const writeSegment = async (brief: Brief) => {
    const participant = batched?.join(formatArxivId(brief.paper));
    try {
      const { script, written } = await ensurePodcastSegment(context, brief, {
        stylePrompt,
        budget: options.budget,
        signal: options.signal,
        batch: participant,
        onSpent: (usd) => {
          result.costUsd = usd === null || result.costUsd === null ? null : result.costUsd + usd;
        },
      });
      result.podcast.set(brief.paper.id, script);
      if (written) {
        result.written += 1;
        options.log(`${brief.paper.id}: podcast style written`);
      }
    } catch (error) {
      result.failed.push({ id: brief.paper.id, style: 'podcast', reason: describeFailure(error) });
      options.warn(`${brief.paper.id}: the podcast style could not be written (the brief is kept): ${describeFailure(error)}`);
    } finally {
      participant?.leave();
    }
  };
  if (batched) {
    await Promise.all(briefs.map(writeSegment));
    // The episode takes the segments in the briefs' order, whichever was answered first.
    result.podcast = new Map(briefs.flatMap((brief) => (result.podcast.has(brief.paper.id) ? [[brief.paper.id, result.podcast.get(brief.paper.id)!] as const] : [])));
  } else {
    for (const brief of briefs) await writeSegment(brief);
  }
  // An interrupted run keeps its batch's record: the rerun takes its answers instead of paying again.
  if (batched && !options.signal?.aborted) await batched.close();
  return result;
}
