import type { Brief } from '../brief/brief-schema.js';
import type { Flowchart } from '../brief/flowchart-schema.js';
import { escapeHtml } from './escape-html.js';
import { renderFlowchartPng } from './flowchart/render-flowchart-png.js';
import { ARXIV_HOSTS, safeUrl } from './safe-url.js';
import { SUMMARY_POINTS } from './summary-points.js';

/** One day's newsletter: the briefs published on `date` (YYYY-MM-DD). */
export interface Edition {
  date: string;
  briefs: Brief[];
  /** Default: `arXiv Brief — <date>`. */
  title?: string;
  /** Our own files for the same edition (relative paths or https URLs); absent ones are not shown. */
  links?: { markdown?: string; json?: string; feed?: string };
}

export interface RenderEditionHtmlOptions {
  /** `inline`: flowcharts as PNG data: URIs, one self-contained file; `files`: `<img src>` next to the page, bytes in `files`. */
  images: 'inline' | 'files';
  /** Turns a flowchart into PNG bytes. Default: `renderFlowchartPng`. */
  renderImage?: (flowchart: Flowchart) => Uint8Array;
}

export interface RenderedEdition {
  html: string;
  /** Files the page refers to (only with `images: 'files'`), to be written beside it. */
  files: Array<{ name: string; bytes: Uint8Array }>;
}

// One email-ready page, no scripts: key styles inline for mail clients, a <style> only for dark mode and small screens.
export function renderEditionHtml(edition: Edition, options: RenderEditionHtmlOptions): RenderedEdition {
  const renderImage = options.renderImage ?? ((flowchart: Flowchart) => renderFlowchartPng(flowchart));
  const files: RenderedEdition['files'] = [];
  const title = edition.title ?? `arXiv Brief — ${edition.date}`;

  const papers = edition.briefs.map((brief) => {
    let figure = '';
    if (brief.flowchart !== undefined) {
      const bytes = renderImage(brief.flowchart);
      let source: string;
      if (options.images === 'inline') {
        source = `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
      } else {
        const name = `${toFileStem(edition.date)}-${toFileStem(brief.paper.id)}-flowchart.png`;
        files.push({ name, bytes });
        source = name;
      }
      figure = renderFigure(brief.flowchart, source, readPngWidth(bytes));
    }
    return renderPaper(brief, figure);
  });

  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="supported-color-schemes" content="light dark">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    `<body class="page" style="${STYLE.body}">`,
    `<div style="${STYLE.container}">`,
    renderHeader(edition, title),
    ...papers,
    renderFooter(edition),
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { html, files };
}

// --- internal ---

const FONT_STACK = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";

const STYLE = {
  body: `margin:0;padding:0;background-color:#f3f4f6;color:#1f2937;font-family:${FONT_STACK};font-size:16px;line-height:1.55;-webkit-text-size-adjust:100%;`,
  container: 'max-width:600px;margin:0 auto;padding:16px 12px;box-sizing:border-box;',
  header: 'padding:8px 4px 16px 4px;',
  h1: 'margin:0 0 4px 0;font-size:26px;line-height:1.25;color:#111827;',
  muted: 'margin:0;color:#6b7280;font-size:14px;',
  link: 'color:#1d4ed8;text-decoration:underline;',
  toc: 'margin:12px 0 0 0;padding-left:20px;font-size:15px;',
  card: 'background-color:#ffffff;border:1px solid #e5e7eb;border-radius:12px;padding:20px 18px;margin:0 0 20px 0;overflow-wrap:anywhere;word-break:break-word;',
  h2: 'margin:0 0 6px 0;font-size:21px;line-height:1.3;',
  h2Link: 'color:#111827;text-decoration:none;',
  h3: 'margin:20px 0 8px 0;font-size:17px;line-height:1.3;color:#111827;',
  meta: 'margin:0 0 2px 0;color:#6b7280;font-size:14px;',
  pointLabel: 'margin:14px 0 2px 0;font-weight:700;font-size:15px;color:#111827;',
  point: 'margin:0;',
  figure: 'margin:18px 0 0 0;text-align:center;',
  image: 'display:block;width:100%;height:auto;margin:0 auto;border:0;border-radius:10px;',
  caption: 'margin:6px 0 0 0;color:#6b7280;font-size:13px;',
  list: 'margin:4px 0 0 0;padding-left:22px;',
  warning: 'margin:18px 0 0 0;padding:10px 14px;border-radius:8px;background-color:#fffbeb;border:1px solid #f59e0b;color:#78350f;font-size:14px;',
  question: 'margin:14px 0 4px 0;font-weight:600;',
  options: 'margin:0 0 6px 0;padding-left:26px;',
  details: 'margin:4px 0 0 0;padding:8px 12px;border-radius:8px;background-color:#f3f4f6;',
  summary: 'cursor:pointer;font-weight:600;color:#1d4ed8;',
  answer: 'margin:8px 0 0 0;',
  footer: 'padding:4px 4px 24px 4px;color:#6b7280;font-size:13px;',
} as const;

// Inline styles win over a stylesheet, so the dark overrides need !important.
const PAGE_CSS = [
  'summary{cursor:pointer}',
  'img{max-width:100%}',
  '@media (prefers-color-scheme: dark){',
  '.page{background-color:#0b1120 !important;color:#e5e7eb !important}',
  '.card{background-color:#111827 !important;border-color:#1f2937 !important}',
  '.strong,.page h1,.page h2 a,.page h3{color:#f3f4f6 !important}',
  '.muted{color:#9ca3af !important}',
  '.page a,.page summary{color:#93c5fd !important}',
  '.warning{background-color:#422006 !important;border-color:#b45309 !important;color:#fde68a !important}',
  '.answer-box{background-color:#1f2937 !important}',
  '}',
  '@media (max-width: 480px){.card{padding:16px 14px !important}.page h1{font-size:22px !important}.page h2{font-size:19px !important}}',
].join('');

function renderHeader(edition: Edition, title: string): string {
  const count = edition.briefs.length;
  const linkCandidates: Array<[string, string | undefined]> = [
    ['Markdown', edition.links?.markdown],
    ['JSON', edition.links?.json],
    ['Feed', edition.links?.feed],
  ];
  const links = linkCandidates.flatMap(([label, url]) => {
    const safe = url === undefined ? null : safeUrl(url, 'any', { allowRelative: true });
    return safe === null ? [] : [`<a href="${escapeHtml(safe)}" style="${STYLE.link}">${label}</a>`];
  });
  const contents = edition.briefs
    .map((brief) => `<li><a href="#${paperAnchor(brief)}" style="${STYLE.link}">${escapeHtml(brief.paper.title)}</a></li>`)
    .join('');
  return [
    `<div style="${STYLE.header}">`,
    `<h1 style="${STYLE.h1}">${escapeHtml(title)}</h1>`,
    `<p class="muted" style="${STYLE.muted}">${escapeHtml(edition.date)} · ${count} ${count === 1 ? 'paper' : 'papers'}${links.length === 0 ? '' : ` · ${links.join(' · ')}`}</p>`,
    count === 0 ? '' : `<ol style="${STYLE.toc}">${contents}</ol>`,
    '</div>',
  ].join('\n');
}

function renderPaper(brief: Brief, figure: string): string {
  const { paper } = brief;
  const absUrl = safeUrl(paper.absUrl, ARXIV_HOSTS);
  const pdfUrl = safeUrl(paper.pdfUrl, ARXIV_HOSTS);
  const title = escapeHtml(paper.title);
  const categories = [paper.primaryCategory, ...paper.categories.filter((category) => category !== paper.primaryCategory)];
  const paperLinks = [
    absUrl === null ? null : `<a href="${escapeHtml(absUrl)}" style="${STYLE.link}">arXiv:${escapeHtml(paper.id)}</a>`,
    pdfUrl === null ? null : `<a href="${escapeHtml(pdfUrl)}" style="${STYLE.link}">PDF</a>`,
  ].filter((link) => link !== null);

  return [
    `<div class="card" id="${paperAnchor(brief)}" style="${STYLE.card}">`,
    `<h2 style="${STYLE.h2}">${absUrl === null ? title : `<a href="${escapeHtml(absUrl)}" style="${STYLE.h2Link}">${title}</a>`}</h2>`,
    `<p class="muted" style="${STYLE.meta}">${escapeHtml(formatAuthors(paper.authors))}</p>`,
    `<p class="muted" style="${STYLE.meta}">Published ${escapeHtml(paper.published.slice(0, 10))} · ${escapeHtml(categories.join(', '))}${paperLinks.length === 0 ? '' : ` · ${paperLinks.join(' · ')}`}</p>`,
    ...SUMMARY_POINTS.map(
      ([key, label]) => `<p class="strong" style="${STYLE.pointLabel}">${label}</p>\n<p style="${STYLE.point}">${escapeHtml(brief.summary[key])}</p>`,
    ),
    figure,
    renderCritique(brief),
    renderWarnings(brief.checks.warnings),
    renderQuiz(brief),
    `<p class="muted" style="${STYLE.caption}">Brief by ${escapeHtml(brief.generation.model)} · prompt ${escapeHtml(brief.generation.promptVersion)}</p>`,
    '</div>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function renderFigure(flowchart: Flowchart, source: string, pngWidth: number | null): string {
  // The PNG is drawn at 2x for sharp text; show it at its natural CSS size, never wider than the card.
  const displayWidth = Math.min(560, Math.round((pngWidth ?? 1120) / 2));
  return [
    `<h3 class="strong" style="${STYLE.h3}">🧭 Method Workflow</h3>`,
    `<div style="${STYLE.figure}">`,
    `<img src="${escapeHtml(source)}" width="${displayWidth}" alt="${escapeHtml(describeFlowchart(flowchart))}" style="${STYLE.image}max-width:${displayWidth}px;">`,
    '</div>',
  ].join('\n');
}

// Alt text that carries the chart for readers and mail clients that show no images.
function describeFlowchart(flowchart: Flowchart): string {
  const labels = new Map(flowchart.nodes.map((node) => [node.id, node.label]));
  const steps = flowchart.edges.map((edge) => `${labels.get(edge.from)} → ${labels.get(edge.to)}${edge.label === '' ? '' : ` (${edge.label})`}`);
  return `Method workflow: ${steps.join('; ')}`;
}

function renderCritique(brief: Brief): string {
  const { critique } = brief;
  const list = (items: string[]) => `<ul style="${STYLE.list}">${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  return [
    `<h3 class="strong" style="${STYLE.h3}">🔍 Critique</h3>`,
    `<p class="strong" style="${STYLE.pointLabel}">Strengths</p>`,
    list(critique.strengths),
    `<p class="strong" style="${STYLE.pointLabel}">Limitations</p>`,
    list(critique.limitations),
    `<p class="strong" style="${STYLE.pointLabel}">Implications</p>`,
    `<p style="${STYLE.point}">${escapeHtml(critique.implications)}</p>`,
  ].join('\n');
}

function renderWarnings(warnings: string[]): string {
  if (warnings.length === 0) return '';
  return [
    `<div class="warning" style="${STYLE.warning}">`,
    '<strong>⚠️ Check before relying on this brief</strong>',
    `<ul style="${STYLE.list}">${warnings.map((warning) => `<li>${escapeHtml(warning)}</li>`).join('')}</ul>`,
    '</div>',
  ].join('\n');
}

function renderQuiz(brief: Brief): string {
  const questions = brief.quiz.map((question, questionIndex) => {
    const answer = question.options[question.answerIndex] ?? '';
    return [
      `<p class="strong" style="${STYLE.question}">${questionIndex + 1}. ${escapeHtml(question.question)}</p>`,
      `<ol type="A" style="${STYLE.options}">${question.options.map((option) => `<li>${escapeHtml(option)}</li>`).join('')}</ol>`,
      `<details class="answer-box" style="${STYLE.details}"><summary style="${STYLE.summary}">Show answer</summary>`,
      `<p style="${STYLE.answer}"><strong>${OPTION_LETTERS[question.answerIndex] ?? '?'}. ${escapeHtml(answer)}</strong> — ${escapeHtml(question.explanation)}</p>`,
      '</details>',
    ].join('\n');
  });
  return [`<h3 class="strong" style="${STYLE.h3}">🧠 Quiz</h3>`, ...questions].join('\n');
}

const OPTION_LETTERS = ['A', 'B', 'C'];

function renderFooter(edition: Edition): string {
  const models = [...new Set(edition.briefs.map((brief) => brief.generation.model))];
  const by = models.length === 0 ? '' : ` by ${escapeHtml(models.join(', '))}`;
  return `<div class="muted" style="${STYLE.footer}">Summaries, critiques, flowcharts and quizzes are machine-generated${by} from each paper's full text; check them against the paper before relying on them. Made with arxiv-brief.</div>`;
}

function formatAuthors(authors: string[]): string {
  if (authors.length <= 8) return authors.join(', ');
  return `${authors.slice(0, 8).join(', ')} et al. (${authors.length} authors)`;
}

function paperAnchor(brief: Brief): string {
  return `paper-${toFileStem(brief.paper.id)}`;
}

// IDs like hep-th/9108004 become safe file names and anchors: hep-th-9108004.
function toFileStem(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, '-');
}

// Width from the PNG's IHDR chunk (bytes 16-19), so the page shows the chart at its natural size.
function readPngWidth(bytes: Uint8Array): number | null {
  if (bytes.length < 24 || bytes[12] !== 0x49 || bytes[13] !== 0x48 || bytes[14] !== 0x44 || bytes[15] !== 0x52) return null;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(16);
}
