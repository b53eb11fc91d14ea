import { escapeMarkdownInline } from '../output/escape-markdown.js';
import { ARXIV_HOSTS, safeUrl } from '../text/safe-url.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';
import { describeIssueAuthorship, type Issue } from './issue.js';

/** `issues/<period>.md`: the introduction, then each paper's title, link and text in the style, then who wrote it. No headings inside a paper, no emoji. */
export function renderIssueMarkdown(issue: Issue): string {
  const lines = [`# arXiv Brief — ${escapeMarkdownInline(issue.record.title)}`, '', escapeMarkdownInline(issue.record.introduction.text), ''];
  for (const { brief, text } of issue.papers) {
    const link = safeUrl(brief.paper.absUrl, ARXIV_HOSTS);
    lines.push(`## ${link === null ? escapeMarkdownInline(brief.paper.title) : `[${escapeMarkdownInline(brief.paper.title).replace(/[[\]]/g, '\\$&')}](${link})`}`, '');
    lines.push(PROSE_STYLES[text.style].renderMarkdown(text.content, text.figures?.shown.map((figure) => ({ ...figure, file: `../papers/${figure.file}` }))), '');
  }
  lines.push(`_${describeIssueAuthorship(issue)}_`, '');
  return lines.join('\n');
}
