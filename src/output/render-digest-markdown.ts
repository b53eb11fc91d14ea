import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Edition } from '../edition/edition.js';
import { escapeMarkdownInline } from './escape-markdown.js';
import { renderBriefBody } from './render-brief-markdown.js';

/** The day's digest in the daily-papers format: `<date> Papers`, then `Paper 1`, `Paper 2`, … with why each was picked. */
export function renderDigestMarkdown(edition: Edition): string {
  const parts = [`# ${edition.date} Papers`, ''];
  if (edition.papers.length === 0) parts.push('No papers were summarized for this day.', '');
  edition.papers.forEach(({ brief, reason }, index) => {
    parts.push(`## Paper ${index + 1}`, '', renderBriefBody(brief, 3, { reason }), '');
  });
  const repeats = edition.repeats ?? [];
  if (repeats.length > 0) {
    // Links relative to digests/, where the digest lives beside the earlier ones.
    parts.push("## Also on today's list", '', 'Shown in full in an earlier edition:', '');
    for (const repeat of repeats) {
      const brief = `../papers/${toFileStem(repeat.id, repeat.version)}.md`;
      parts.push(`- [${escapeMarkdownInline(repeat.title)}](${brief}), first shown in the edition of [${repeat.firstShown}](${repeat.firstShown}.md)`);
    }
    parts.push('');
  }
  return parts.join('\n');
}
