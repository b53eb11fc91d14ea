import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import type { RankedPaper } from './rank-papers.js';

/** The dry run's first answer: every candidate in rank order, which are kept, and why. */
export function renderRankedTable(ranked: readonly RankedPaper[], top: number | undefined): string {
  const selected = ranked.filter((candidate) => candidate.selected && !candidate.shownBefore).length;
  const repeats = ranked.some((candidate) => candidate.selected && candidate.shownBefore);
  const lines = [
    `Ranked ${ranked.length} candidate${ranked.length === 1 ? '' : 's'}; ${top === undefined ? 'all' : `the top ${selected}`} go on (marked *)${repeats ? '; those shown in an earlier edition are only listed (marked ↺)' : ''}.`,
    '',
    '| rank | score | reason | paper |',
    '|---:|---:|---|---|',
  ];
  for (const candidate of ranked) {
    const mark = !candidate.selected ? '' : candidate.shownBefore ? '↺' : '*';
    const rank = candidate.rank === null ? '–' : `${mark}${candidate.rank}`;
    const title = cell(candidate.paper.title).slice(0, 70);
    lines.push(`| ${rank} | ${candidate.score.toFixed(4)} | ${cell(candidate.reason)} | ${formatArxivId(candidate.paper)} ${title} |`);
  }
  lines.push('', '');
  return lines.join('\n');
}

// --- internal ---

// A pipe would end the cell early; a newline would end the row.
function cell(text: string): string {
  return text.replace(/\|/g, '/').replace(/\s+/g, ' ').trim();
}
