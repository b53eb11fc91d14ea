import { escapeMarkdownInline } from '../output/escape-markdown.js';
import { ARXIV_HOSTS, safeUrl } from '../text/safe-url.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';
import { getMessages } from '../language/messages.js';
import { describeIssueAuthorship, type Issue } from './issue.js';
import { toPaperByline } from './paper-byline.js';

/** `issues/<period>.md`: the introduction, then each paper's title, link and text in the style, then who wrote it. No headings inside a paper, no emoji. */
export function renderIssueMarkdown(issue: Issue): string {
  const lines = [`# arXiv Brief — ${escapeMarkdownInline(issue.record.title)}`, '', escapeMarkdownInline(issue.record.introduction.text), ''];
  // The titles up front, as plain lines: heading anchors differ from one markdown tool to the next.
  lines.push(`**${escapeMarkdownInline(getMessages(issue.record.language).inThisIssue)}**`, '', ...issue.papers.map(({ brief }, index) => `${index + 1}. ${escapeMarkdownInline(brief.paper.title)}`), '');
  for (const { brief, text } of issue.papers) {
    const link = safeUrl(brief.paper.absUrl, ARXIV_HOSTS);
    const byline = toPaperByline(brief);
    lines.push(`## ${link === null ? escapeMarkdownInline(brief.paper.title) : `[${escapeMarkdownInline(brief.paper.title).replace(/[[\]]/g, '\\$&')}](${link})`}`, '');
    lines.push(`${escapeMarkdownInline(byline.authors)} · [${byline.arxivLabel}](${byline.arxivUrl})`, '');
    lines.push(PROSE_STYLES[text.style].renderMarkdown(text.content, text.figures?.shown.map((figure) => ({ ...figure, file: `../papers/${figure.file}` })), issue.record.language), '');
  }
  lines.push(`_${describeIssueAuthorship(issue)}_`, '');
  return lines.join('\n');
}
