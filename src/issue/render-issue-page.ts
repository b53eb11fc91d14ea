import { toFileStem } from '../arxiv/to-file-stem.js';
import { renderPage } from '../archive/render-page.js';
import { escapeHtml } from '../output/escape-html.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';
import { describeIssueAuthorship, type Issue } from './issue.js';

/** `issues/<period>.html`: the issue in the web archive, each title linking the paper's own page (brief, flowchart, quiz). */
export function renderIssuePage(issue: Issue): string {
  const papers = issue.papers.map(({ brief, text }) => {
    const page = `../papers/${encodeURIComponent(toFileStem(brief.paper.id, brief.paper.version))}.html`;
    const figures = text.figures?.shown.map((figure) => ({ ...figure, file: `../papers/${figure.file}` }));
    return [
      '<article class="issue-paper">',
      `<h2><a href="${escapeHtml(page)}">${escapeHtml(brief.paper.title)}</a></h2>`,
      PROSE_STYLES[text.style].renderHtml(text.content, figures),
      '</article>',
    ].join('\n');
  });
  const body = [
    `<h1>arXiv Brief — ${escapeHtml(issue.record.title)}</h1>`,
    `<p class="issue-introduction">${escapeHtml(issue.record.introduction.text)}</p>`,
    ...papers,
    `<p class="muted">${escapeHtml(describeIssueAuthorship(issue))}</p>`,
  ].join('\n');
  return renderPage({ title: `arXiv Brief — ${issue.record.title}`, root: '../', body, description: issue.record.introduction.text.slice(0, 300) });
}
