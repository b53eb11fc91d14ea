import { toFileStem } from '../arxiv/to-file-stem.js';
import { renderPage } from '../archive/render-page.js';
import { getMessages } from '../language/messages.js';
import { escapeHtml } from '../output/escape-html.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';
import { describeIssueAuthorship, type Issue } from './issue.js';
import { toPaperByline } from './paper-byline.js';

/** `issues/<period>.html`: the issue in the web archive, each title linking the paper's own page (brief, flowchart, quiz). */
export function renderIssuePage(issue: Issue): string {
  const papers = issue.papers.map(({ brief, text }, index) => {
    const page = `../papers/${encodeURIComponent(toFileStem(brief.paper.id, brief.paper.version))}.html`;
    const figures = text.figures?.shown.map((figure) => ({ ...figure, file: `../papers/${figure.file}` }));
    const byline = toPaperByline(brief);
    return [
      `<article class="issue-paper" id="paper-${index + 1}">`,
      `<h2><a href="${escapeHtml(page)}">${escapeHtml(brief.paper.title)}</a></h2>`,
      `<p class="muted byline">${escapeHtml(byline.authors)} · <a href="${escapeHtml(byline.arxivUrl)}">${escapeHtml(byline.arxivLabel)}</a></p>`,
      PROSE_STYLES[text.style].renderHtml(text.content, figures, issue.record.language),
      '</article>',
    ].join('\n');
  });
  const body = [
    `<h1>arXiv Brief — ${escapeHtml(issue.record.title)}</h1>`,
    `<p class="issue-introduction">${escapeHtml(issue.record.introduction.text)}</p>`,
    // The titles up front, each jumping to its paper: an issue is skimmed before it is read.
    `<h2 class="contents-heading">${escapeHtml(getMessages(issue.record.language).inThisIssue)}</h2>`,
    `<ol class="contents">${issue.papers.map(({ brief }, index) => `<li><a href="#paper-${index + 1}">${escapeHtml(brief.paper.title)}</a></li>`).join('')}</ol>`,
    ...papers,
    `<p class="muted">${escapeHtml(describeIssueAuthorship(issue))}</p>`,
  ].join('\n');
  return renderPage({ title: `arXiv Brief — ${issue.record.title}`, root: '../', body, description: issue.record.introduction.text.slice(0, 300), language: issue.record.language });
}
