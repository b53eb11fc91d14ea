import type { Prompts } from '../brief/load-prompts.js';
import type { ProseStyleName } from '../brief/style-names.js';
import { holdsPaper } from '../prompt/holds-paper.js';

/**
 * The calls a paper's missing prose styles take: every style whose prompt reads the paper from prompts/paper.md in
 * one call, each in its field, so the paper is read once for all of them (a cached read of the whole paper fewer per
 * style); a prompt file that holds the paper itself, or one not loaded, in a call of its own.
 */
export function groupStyleCalls(styles: readonly ProseStyleName[], prompts: Pick<Prompts, 'styles'>): ProseStyleName[][] {
  const together = styles.filter((style) => prompts.styles[style] !== undefined && !holdsPaper(prompts.styles[style].text));
  const alone = styles.filter((style) => !together.includes(style)).map((style) => [style]);
  return together.length > 0 ? [together, ...alone] : alone;
}
