import type { Brief } from '../brief/brief-schema.js';
import { renderBriefBody } from './render-brief-markdown.js';

/** The day's digest in the daily-papers format: `<date> Papers`, then `Paper 1`, `Paper 2`, … */
export function renderDigestMarkdown(date: string, briefs: readonly Brief[]): string {
  const parts = [`# ${date} Papers`, ''];
  if (briefs.length === 0) parts.push('No papers were summarized for this day.', '');
  briefs.forEach((brief, index) => {
    parts.push(`## Paper ${index + 1}`, '', renderBriefBody(brief, 3), '');
  });
  return parts.join('\n');
}
