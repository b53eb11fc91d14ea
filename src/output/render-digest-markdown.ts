import type { Edition } from '../edition/edition.js';
import { renderBriefBody } from './render-brief-markdown.js';

/** The day's digest in the daily-papers format: `<date> Papers`, then `Paper 1`, `Paper 2`, … with why each was picked. */
export function renderDigestMarkdown(edition: Edition): string {
  const parts = [`# ${edition.date} Papers`, ''];
  if (edition.papers.length === 0) parts.push('No papers were summarized for this day.', '');
  edition.papers.forEach(({ brief, reason }, index) => {
    parts.push(`## Paper ${index + 1}`, '', renderBriefBody(brief, 3, { reason }), '');
  });
  return parts.join('\n');
}
