import type { DryRunEstimate } from '../paper/run-papers.js';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import { formatCount } from '../format/format-count.js';

/** The dry run's answer: what each paper would cost before any money is spent. */
export function renderDryRunTable(estimates: readonly DryRunEstimate[], model: string, { batch = false }: { batch?: boolean } = {}): string {
  const lines = [`Dry run with ${model}${batch ? ' through the Batch API, at its half price' : ''}: no LLM call was made.`, '', '| paper | pages | input tokens | map-reduce | estimated cost |', '|---|---:|---:|---|---:|'];
  let total = 0;
  let unknown = false;
  for (const estimate of estimates) {
    if (estimate.costUsd === null) unknown = true;
    total += estimate.costUsd ?? 0;
    const title = estimate.paper.title.replace(/\|/g, '/').slice(0, 60);
    lines.push(`| ${formatArxivId(estimate.paper)} ${title} | ${estimate.pages} | ${estimate.inputTokens} | ${estimate.mapReduce ? 'yes' : 'no'} | ${estimate.costUsd === null ? 'unknown' : `$${estimate.costUsd.toFixed(4)}`} |`);
  }
  // Only when styles besides the brief are asked for: a brief-only run reads as it always did.
  const byStyle = new Map<string, number | null>();
  for (const { style, costUsd } of estimates.flatMap((estimate) => estimate.styles)) {
    const sum = byStyle.get(style);
    byStyle.set(style, sum === null || costUsd === null ? null : (sum ?? 0) + costUsd);
  }
  if ([...byStyle.keys()].some((style) => style !== 'brief')) {
    lines.push('', `By style: ${[...byStyle].map(([style, costUsd]) => `${style} ${costUsd === null ? 'unknown' : `$${costUsd.toFixed(4)}`}`).join(', ')}`);
  }
  lines.push('', `Total: ${formatCount(estimates.length, 'paper')}, estimated $${total.toFixed(4)}${unknown ? ' (some prices unknown: set SUMMARIZE_PRICES)' : ''}`, '');
  return lines.join('\n');
}
