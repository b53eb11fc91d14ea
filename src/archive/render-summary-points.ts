import type { Summary } from '../brief/brief-schema.js';
import { escapeHtml } from '../output/escape-html.js';
import { listSummaryPoints } from '../output/summary-points.js';

// The five points as labelled paragraphs, the same on the web edition and the paper page.
export function renderSummaryPoints(summary: Summary, language?: string): string {
  return listSummaryPoints(language).map(([key, label]) => `<p class="point-label">${label}</p>\n<p class="point">${escapeHtml(summary[key])}</p>`).join('\n');
}
