import type { Edition } from '../edition/edition.js';
import { escapeMarkdownInline } from './escape-markdown.js';
import { renderBriefBody } from './render-brief-markdown.js';

/** The day's digest in the daily-papers format: `<date> Papers`, then `Paper 1`, `Paper 2`, … with why each was picked. */
export function renderDigestMarkdown(edition: Edition): string {
  const parts = [`# ${edition.date} Papers`, ''];
  if (edition.papers.length === 0) parts.push('No papers were summarized for this day.', '');
  edition.papers.forEach(({ brief, reason }, index) => {
    parts.push(`## Paper ${index + 1}`, '');
    if (reason !== undefined) parts.push(`*Why picked:* ${escapeMarkdownInline(reason)}`, '');
    parts.push(renderBriefBody(brief, 3), '');
  });
  return parts.join('\n');
}
