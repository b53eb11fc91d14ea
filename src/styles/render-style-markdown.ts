import { escapeMarkdownInline } from '../output/escape-markdown.js';
import { ARXIV_HOSTS, safeUrl } from '../text/safe-url.js';
import { getMessages } from '../language/messages.js';
import { describeFigureSource } from '../figures/describe-figure-source.js';
import { PROSE_STYLES } from './prose-styles.js';
import type { StyleResult } from '../brief/style-result-schema.js';

/** One paper in a prose style as a standalone markdown page: title, link, the text, its warnings, and who wrote it. */
export function renderStyleMarkdown(result: StyleResult): string {
  const { paper, generation } = result;
  const messages = getMessages(result.language);
  const link = safeUrl(paper.pdfUrl, ARXIV_HOSTS) ?? safeUrl(paper.absUrl, ARXIV_HOSTS);
  const lines = [`# ${escapeMarkdownInline(paper.title)}`, '', ...(link === null ? [] : [`${messages.link}${messages.colon}${link}`, ''])];
  if (result.checks.warnings.length > 0) {
    lines.push(`> ⚠️ **${messages.checkBeforePublishing}**`);
    for (const warning of result.checks.warnings) lines.push(`> - ${escapeMarkdownInline(warning)}`);
    lines.push('');
  }
  lines.push(PROSE_STYLES[result.style].renderMarkdown(result.content, result.figures?.shown, result.language), '', `_${messages.writtenBy(escapeMarkdownInline(generation.model), generation.generatedAt.slice(0, 10))}_`);
  if (result.figures) lines.push('', `_${describeFigureSource(result.figures.source, result.language)}_`);
  return `${lines.join('\n')}\n`;
}
