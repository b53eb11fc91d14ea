import type { Brief } from '../brief/brief-schema.js';
import type { CompletionBatch } from '../llm/completion-batch.js';
import { applyBatchPrices } from '../llm/apply-batch-prices.js';
import { computeCostUsd } from '../llm/compute-cost-usd.js';
import { createUsageMeter } from '../llm/usage-meter.js';
import type { StylePrompt } from '../brief/load-style-prompt.js';
import type { PodcastScript } from '../styles/podcast-script.js';
import { isPodcastScriptReusable, readPodcastScript, writePodcastScript } from '../styles/podcast-script-store.js';
import type { PaperContext } from './create-paper-context.js';
import { estimateSegmentUsd } from './estimate-episode-cost.js';
import { generatePodcastScript } from './generate-podcast-script.js';
import { loadPaperText } from './load-paper-text.js';
import { collectStyleFigures } from './collect-style-figures.js';
import type { Reservation, SpendBudget } from '../run/spend-budget.js';

export interface EnsuredSegment {
  script: PodcastScript;
  /** False when the stored segment was reused: no call, no PDF. */
  written: boolean;
}

/**
 * A paper's podcast segment: the stored one while the model, the prompt and the hosts are the same,
 * else written now within the budget from the brief and the paper's text (from the cache when there).
 * `onSpent` hears what the calls cost, also when the segment then fails.
 */
export async function ensurePodcastSegment(
  context: PaperContext,
  brief: Brief,
  options: { stylePrompt: StylePrompt; budget: SpendBudget; onSpent: (usd: number | null) => void; signal?: AbortSignal | undefined; now?: () => Date; batch?: CompletionBatch | undefined },
): Promise<EnsuredSegment> {
  const { config } = context;
  const { paper } = brief;
  const stored = await readPodcastScript(config.outputDir, paper.id, paper.version, brief.generation.language);
  if (stored && isPodcastScriptReusable(stored, { model: config.model, promptVersion: options.stylePrompt.version, hosts: config.podcastHosts })) {
    return { script: stored, written: false };
  }
  const meter = createUsageMeter();
  let reservation: Reservation | undefined;
  try {
    // A segment sent in a batch is estimated at the batch price, as it is billed.
    const estimateConfig = options.batch ? { ...config, prices: applyBatchPrices(config.model, config.prices) } : config;
    reservation = options.budget.reserve(estimateSegmentUsd(brief, estimateConfig, options.stylePrompt.text) ?? 0);
    if (!reservation) throw new Error('the --max-cost budget is reached');
    const paperText = await loadPaperText(paper, { ...context, signal: options.signal });
    // Listed as in the calls of the paper's other styles, so the segment reads the paper from the prompt cache too.
    const found = await collectStyleFigures(context, paper, options.signal);
    const held = reservation;
    const script = await generatePodcastScript(brief, paperText, {
      config,
      prompts: context.prompts,
      stylePrompt: options.stylePrompt,
      llm: context.llm(),
      hosts: config.podcastHosts,
      meter,
      // Repairs and the grounding round fit only within what the segment reserved, or what the cap still holds.
      admitCall: () => held.extend(0),
      signal: options.signal,
      figures: found?.figures.figures ?? [],
      ...(options.now ? { now: options.now } : {}),
      ...(options.batch ? { batch: options.batch } : {}),
    });
    await writePodcastScript(config.outputDir, script);
    return { script, written: true };
  } finally {
    // Whatever happened, what was answered is paid for and counted.
    const spentUsd = computeCostUsd(config.model, meter.usage, config.prices);
    reservation?.settle(spentUsd ?? 0);
    reservation?.release();
    options.onSpent(meter.requests === 0 ? 0 : spentUsd);
  }
}
