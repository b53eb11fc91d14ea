import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Brief, PaperMetadata } from '../brief/brief-schema.js';
import { briefTldr } from '../output/brief-tldr.js';
import { getBriefFileStem } from '../output/brief-store.js';
import { escapeHtml } from '../output/escape-html.js';
import type { FlowchartSize } from '../output/flowchart/read-flowchart-size.js';
import { measureFlowchartSvg } from '../output/flowchart/render-flowchart-svg.js';
import { ARXIV_HOSTS, safeUrl } from '../text/safe-url.js';
import { getMessages, type Messages } from '../language/messages.js';
import { describeFigureSource } from '../figures/describe-figure-source.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';
import type { StyleResult } from '../brief/style-result-schema.js';
import { describeFlowchart } from './describe-flowchart.js';
import type { EditionEpisode } from '../edition/edition.js';
import type { PodcastScript } from '../styles/podcast-script.js';
import { renderEpisodePlayer } from './render-episode-player.js';
import { renderPage } from './render-page.js';
import { renderReaderFeedbackForm } from './render-reader-feedback-form.js';
import { renderSummaryPoints } from './render-summary-points.js';

export interface PaperPageOptions {
  /** Dates (YYYY-MM-DD) of the editions the paper appeared in, newest first. */
  editions: string[];
  /** `papers/<stem>.flowchart.png` exists beside the page. */
  hasFlowchartImage: boolean;
  /** The size its PNG was drawn at, read from `<stem>.flowchart.svg`; default: the flowchart laid out again from the brief. */
  flowchartSize?: FlowchartSize | undefined;
  /** The episode of the edition being published; the page plays this paper's segment of it. */
  episode?: EditionEpisode | undefined;
  /** The paper's podcast style, when it was written: shown folded, as the script the episode speaks. */
  podcast?: PodcastScript | undefined;
  /** The paper in the other styles it has (blurb, commentary), shown below the brief; default none. */
  styles?: StyleResult[];
  /** The og:image: an absolute URL, or none. */
  image?: string | undefined;
}

/** `papers/<stem>.html`: the whole brief of one paper, linked from the editions and the search. */
export function renderPaperPage(brief: Brief, options: PaperPageOptions): string {
  const { paper } = brief;
  const language = brief.generation.language ?? 'en';
  const messages = getMessages(language);
  const stem = toFileStem(paper.id, paper.version);
  const absUrl = safeUrl(paper.absUrl, ARXIV_HOSTS);
  const pdfUrl = safeUrl(paper.pdfUrl, ARXIV_HOSTS);
  const categories = [paper.primaryCategory, ...paper.categories.filter((category) => category !== paper.primaryCategory)];
  const arxivLinks = [
    absUrl === null ? null : `<a href="${escapeHtml(absUrl)}">arXiv:${escapeHtml(formatArxivId(paper))}</a>`,
    pdfUrl === null ? null : `<a href="${escapeHtml(pdfUrl)}">PDF</a>`,
    paper.githubRepo === undefined ? null : linkOrNull(paper.githubRepo, messages.code),
    paper.projectPage === undefined ? null : linkOrNull(paper.projectPage, messages.projectPage),
  ].filter((link) => link !== null);
  const editionLinks = options.editions.map((date) => `<a href="../digests/${escapeHtml(date)}.html">${escapeHtml(date)}</a>`);

  const body = [
    '<article class="card">',
    `<h1>${escapeHtml(paper.title)}</h1>`,
    `<p class="muted">${escapeHtml(paper.authors.join(messages.listSeparator))}</p>`,
    `<p class="muted">${escapeHtml(messages.published)} ${escapeHtml(paper.published.slice(0, 10))} · ${escapeHtml(categories.join(messages.listSeparator))}${arxivLinks.length === 0 ? '' : ` · ${arxivLinks.join(' · ')}`}</p>`,
    editionLinks.length === 0 ? '' : `<p class="muted">${escapeHtml(messages.inEditions(editionLinks.length))}${editionLinks.join(escapeHtml(messages.listSeparator))}</p>`,
    `<p class="tldr">${escapeHtml(briefTldr(brief))}</p>`,
    renderReaderFeedbackForm(paper.id, language, '../'),
    // The authors' own words, folded: the brief comes first.
    `<details class="abstract"><summary>${escapeHtml(messages.arxivAbstract)}</summary><p>${escapeHtml(paper.abstract)}</p></details>`,
    renderMetadata(paper, messages),
    options.episode === undefined ? '' : renderEpisodePlayer(options.episode, { root: '../', paperId: paper.id, language }),
    renderWarnings(brief.checks.warnings, language),
    renderSummaryPoints(brief.summary, language),
    options.hasFlowchartImage ? renderFigure(brief, getBriefFileStem(paper.id, paper.version, language), messages, options.flowchartSize) : '',
    renderCritique(brief),
    renderQuiz(brief, messages),
    options.podcast === undefined ? '' : renderPodcastScript(options.podcast, messages),
    `<p class="muted">${escapeHtml(messages.generatedBy(messages.brief, brief.generation.model, brief.generation.promptVersion, brief.generation.generatedAt.slice(0, 10)))}</p>`,
    '</article>',
    ...(options.styles ?? []).map(renderStyleSection),
  ].filter((part) => part !== '');
  return renderPage({ title: `${paper.title} — arXiv Brief`, root: '../', description: briefTldr(brief), body: body.join('\n'), image: options.image, language, scripts: ['assets/reader-feedback.js'] });
}

// --- internal ---

function renderStyleSection(result: StyleResult): string {
  const messages = getMessages(result.language);
  const name = messages.styleNames[result.style];
  const generatedBy = messages.generatedBy(name, result.generation.model, result.generation.promptVersion, result.generation.generatedAt.slice(0, 10));
  return [
    `<section class="card" id="${escapeHtml(result.style)}" lang="${escapeHtml(result.language)}">`,
    `<h2>${escapeHtml(name)}</h2>`,
    renderWarnings(result.checks.warnings, result.language),
    PROSE_STYLES[result.style].renderHtml(result.content, result.figures?.shown, result.language),
    `<p class="muted">${escapeHtml(generatedBy)}${result.figures ? ` · ${escapeHtml(describeFigureSource(result.figures.source, result.language))}` : ''}</p>`,
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

const OPTION_LETTERS = ['A', 'B', 'C'];

// The optional facts from arXiv and Hugging Face; links only when they are https.
function renderMetadata(paper: PaperMetadata, messages: Messages): string {
  const rows: Array<[string, string]> = [];
  if (paper.comment !== undefined) rows.push([messages.comment, escapeHtml(paper.comment)]);
  if (paper.journalRef !== undefined) rows.push([messages.journal, escapeHtml(paper.journalRef)]);
  if (paper.doi !== undefined) rows.push(['DOI', linkOrText(`https://doi.org/${encodeURI(paper.doi)}`, paper.doi)]);
  if (paper.upvotes !== undefined) {
    rows.push([messages.upvotes, linkOrText(`https://huggingface.co/papers/${encodeURIComponent(paper.id)}`, messages.onHuggingFace(paper.upvotes))]);
  }
  if (paper.githubRepo !== undefined) rows.push([messages.code, linkOrText(paper.githubRepo, paper.githubRepo)]);
  if (paper.projectPage !== undefined) rows.push([messages.projectPage, linkOrText(paper.projectPage, paper.projectPage)]);
  if (rows.length === 0) return '';
  return `<dl class="meta">${rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

function linkOrNull(url: string, text: string): string | null {
  const safe = safeUrl(url, 'any');
  return safe === null ? null : `<a href="${escapeHtml(safe)}">${escapeHtml(text)}</a>`;
}

function linkOrText(url: string, text: string): string {
  const safe = safeUrl(url, 'any');
  return safe === null ? escapeHtml(text) : `<a href="${escapeHtml(safe)}">${escapeHtml(text)}</a>`;
}

function renderWarnings(warnings: string[], language = 'en'): string {
  if (warnings.length === 0) return '';
  return `<div class="warning"><strong>⚠️ ${escapeHtml(getMessages(language).checkBeforeRelying)}</strong><ul>${warnings.map((warning) => `<li>${escapeHtml(warning)}</li>`).join('')}</ul></div>`;
}

function renderFigure(brief: Brief, stem: string, messages: Messages, stored: FlowchartSize | undefined): string {
  // The PNG is drawn at 2x for sharp text: shown at the chart's own size (1x), not stretched to the column; the SVG behind the link zooms without limit.
  const size = stored ?? measureFlowchartSvg(brief.flowchart);
  const dimensions = ` width="${size.width}" height="${size.height}"`;
  return [
    `<h3>🧭 ${escapeHtml(messages.methodWorkflow)}</h3>`,
    `<figure><a href="${escapeHtml(stem)}.flowchart.svg"><img src="${escapeHtml(stem)}.flowchart.png"${dimensions} alt="${escapeHtml(describeFlowchart(brief.flowchart, brief.generation.language))}"></a>`,
    `<figcaption>${escapeHtml(messages.flowchartCaption)}</figcaption></figure>`,
  ].join('\n');
}

function renderCritique(brief: Brief): string {
  const { critique } = brief;
  const messages = getMessages(brief.generation.language);
  const list = (items: string[]) => `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  return [
    `<h3>🔍 ${escapeHtml(messages.critique)}</h3>`,
    `<p class="point-label">${escapeHtml(messages.strengths)}</p>`,
    list(critique.strengths),
    `<p class="point-label">${escapeHtml(messages.limitations)}</p>`,
    list(critique.limitations),
    `<p class="point-label">${escapeHtml(messages.implications)}</p>`,
    `<p class="point">${escapeHtml(critique.implications)}</p>`,
  ].join('\n');
}

function renderQuiz(brief: Brief, messages: Messages): string {
  const questions = brief.quiz.map((question, questionIndex) =>
    [
      `<p class="question">${questionIndex + 1}. ${escapeHtml(question.question)}</p>`,
      `<ol type="A">${question.options.map((option) => `<li>${escapeHtml(option)}</li>`).join('')}</ol>`,
      // The label follows the state: "Hide answer" once open (CSS on [open], no script).
      `<details class="answer"><summary><span class="when-closed">${escapeHtml(messages.showAnswer)}</span><span class="when-open">${escapeHtml(messages.hideAnswer)}</span></summary>`,
      `<p><strong>${OPTION_LETTERS[question.answerIndex] ?? '?'}. ${escapeHtml(question.options[question.answerIndex] ?? '')}</strong> — ${escapeHtml(question.explanation)}</p>`,
      '</details>',
    ].join('\n'),
  );
  return [`<h3>🧠 ${escapeHtml(messages.quiz)}</h3>`, ...questions].join('\n');
}

function renderPodcastScript(script: PodcastScript, messages: Messages): string {
  const turns = script.turns.map((turn) => `<p><strong>${escapeHtml(`${turn.speaker}${messages.colon.trimEnd()}`)}</strong> ${escapeHtml(turn.text)}</p>`).join('\n');
  return `<details class="podcast-script"><summary>${escapeHtml(messages.podcastScript(script.turns.length, script.generation.model))}</summary>\n${turns}\n</details>`;
}
