import type { Brief } from '../brief/brief-schema.js';
import { escapeMarkdownInline } from './escape-markdown.js';
import { renderFlowchartMermaid } from './flowchart/render-flowchart-mermaid.js';
import { ARXIV_HOSTS, safeUrl } from '../text/safe-url.js';
import { listSummaryPoints } from './summary-points.js';
import { getMessages, type Messages } from '../language/messages.js';

const OPTION_LETTERS = ['A', 'B', 'C'] as const;

/** One paper's brief as a standalone markdown page. */
export function renderBriefMarkdown(brief: Brief): string {
  return `${renderBriefBody(brief, 1)}\n`;
}

/** The brief from its title down; `level` is the title's heading level, so a digest can nest it. */
export function renderBriefBody(brief: Brief, level: number, { reason }: { reason?: string | undefined } = {}): string {
  const heading = '#'.repeat(level);
  const sub = '#'.repeat(level + 1);
  const { paper } = brief;
  const messages = getMessages(brief.generation.language);
  // Like the HTML edition: a link only to arXiv, never whatever URL a stored brief carries.
  const link = safeUrl(paper.pdfUrl, ARXIV_HOSTS) ?? safeUrl(paper.absUrl, ARXIV_HOSTS);
  const details = [
    `${messages.published}${messages.colon}${escapeMarkdownInline(paper.published.slice(0, 10))}`,
    ...(link === null ? [] : [`${messages.link}${messages.colon}${link}`]),
    `${messages.authors}${messages.colon}${escapeMarkdownInline(paper.authors.join(messages.listSeparator))}`,
    ...describeExtras(paper, messages),
    // Why the day's ranking picked it; below the title, so the daily-papers headings stay as they are.
    ...(reason === undefined ? [] : [`${messages.whyPicked}${messages.colon}${escapeMarkdownInline(reason)}`]),
  ];
  const lines: string[] = [
    `${heading} ${escapeMarkdownInline(paper.title)}`,
    '',
    // Two trailing spaces: a hard line break, so the lines stay lines when the markdown is rendered.
    ...details.map((line, index) => (index < details.length - 1 ? `${line}  ` : line)),
    '',
  ];
  if (brief.checks.warnings.length > 0) {
    lines.push(`> ⚠️ **${messages.checkBeforePublishing}**`);
    for (const warning of brief.checks.warnings) lines.push(`> - ${escapeMarkdownInline(warning)}`);
    lines.push('');
  }
  listSummaryPoints(brief.generation.language).forEach(([key, label], index) => {
    lines.push(`${index + 1}. ${label}${messages.colon}${escapeMarkdownInline(brief.summary[key])}`);
  });
  lines.push('', `${sub} ${messages.methodFlowchart}`, '', '```mermaid', renderFlowchartMermaid(brief.flowchart).trimEnd(), '```');
  lines.push('', `${sub} ${messages.critique}`, '', `**${messages.strengths}**`, '');
  for (const strength of brief.critique.strengths) lines.push(`- ${escapeMarkdownInline(strength)}`);
  lines.push('', `**${messages.limitations}**`, '');
  for (const limitation of brief.critique.limitations) lines.push(`- ${escapeMarkdownInline(limitation)}`);
  lines.push('', `**${messages.implications}${messages.colon.trimEnd()}** ${escapeMarkdownInline(brief.critique.implications)}`);
  lines.push('', `${sub} ${messages.quiz}`, '');
  brief.quiz.forEach((question, index) => {
    lines.push(`Q${index + 1}. ${escapeMarkdownInline(question.question)}`, '');
    question.options.forEach((option, optionIndex) => {
      lines.push(`   ${OPTION_LETTERS[optionIndex]}. ${escapeMarkdownInline(option)}${optionIndex < question.options.length - 1 ? '  ' : ''}`);
    });
    lines.push('');
  });
  lines.push(`**${messages.answers}**`, '');
  brief.quiz.forEach((question, index) => {
    lines.push(`- Q${index + 1}: ${OPTION_LETTERS[question.answerIndex]}. ${escapeMarkdownInline(question.explanation)}`);
  });
  return lines.join('\n');
}

// --- internal ---

/** What readers judge a paper by besides its abstract: the authors' comment, where it appeared, its code. */
function describeExtras(paper: Brief['paper'], messages: Messages): string[] {
  const lines: string[] = [];
  const label = (name: string) => `${name}${messages.colon}`;
  if (paper.comment) lines.push(`${label(messages.comment)}${escapeMarkdownInline(paper.comment)}`);
  if (paper.journalRef) lines.push(`${label(messages.journal)}${escapeMarkdownInline(paper.journalRef)}`);
  const doiLink = paper.doi ? safeUrl(`https://doi.org/${paper.doi}`, ['doi.org']) : null;
  if (doiLink) lines.push(`${label('DOI')}${doiLink}`);
  if (paper.upvotes !== undefined) lines.push(`${label(messages.upvotes)}${paper.upvotes}`);
  // Links only when https, whatever a stored brief carries.
  const code = paper.githubRepo ? safeUrl(paper.githubRepo, 'any') : null;
  if (code) lines.push(`${label(messages.code)}${code}`);
  const projectPage = paper.projectPage ? safeUrl(paper.projectPage, 'any') : null;
  if (projectPage) lines.push(`${label(messages.projectPage)}${projectPage}`);
  return lines;
}
