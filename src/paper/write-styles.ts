import type { Brief } from '../brief/brief-schema.js';
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
  options: { styles: readonly StyleName[]; budget: SpendBudget; log: (line: string) => void; warn: (line: string) => void; signal?: AbortSignal },
): Promise<WrittenStyles> {
  const result: WrittenStyles = { written: 0, failed: [], costUsd: 0, podcast: new Map() };
  if (!options.styles.includes('podcast')) return result;
  const stylePrompt = await loadStylePrompt(context.config.promptsDir, 'podcast', context.prompts.system);
  for (const brief of briefs) {
    try {
      const { script, written } = await ensurePodcastSegment(context, brief, {
        stylePrompt,
        budget: options.budget,
        signal: options.signal,
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
    }
  }
  return result;
}
