import type { Flowchart } from '../../brief/flowchart-schema.js';
import { escapeHtml } from '../escape-html.js';
import {
  FLOWCHART_EDGE_FONT_SIZE,
  FLOWCHART_FONT_SIZE,
  FLOWCHART_LINE_HEIGHT,
  layoutFlowchart,
  type LaidOutEdge,
  type LaidOutNode,
  type Point,
} from './layout-flowchart.js';
import { measureText } from './measure-text.js';
import type { FlowchartSize } from './read-flowchart-size.js';
import { assignStageColors, type StageColors } from './stage-palette.js';

/** Fonts named in the SVG, the first found wins; the PNG renderer loads DejaVu/Liberation when present. */
export const FLOWCHART_FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

const MIN_WIDTH = 320;
const LEGEND_FONT_SIZE = 12;
const LEGEND_ROW_HEIGHT = 22;
const LEGEND_MARGIN = 16;
const TEXT_COLOR = '#0f172a';
const EDGE_COLOR = '#475569';

// A standalone SVG with its own light background, so it reads the same on light and dark pages.
export function renderFlowchartSvg(flowchart: Flowchart): string {
  const { layout, stageColors, legend, width, height } = planSvg(flowchart);
  const colorsByStage = new Map(stageColors.map((colors) => [colors.stage, colors]));
  const graphOffsetX = Math.round((width - layout.width) / 2);
  const labelsById = new Map(flowchart.nodes.map((node) => [node.id, node.label]));
  const description = flowchart.edges.map((edge) => `${labelsById.get(edge.from)} → ${labelsById.get(edge.to)}`).join('; ');

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="${FLOWCHART_FONT_FAMILY}">`,
    `<title>${escapeHtml(`Method workflow: ${description}`)}</title>`,
    '<defs>',
    `<marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${EDGE_COLOR}"/></marker>`,
    '</defs>',
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="12" fill="#ffffff" stroke="#e2e8f0"/>`,
    legend.svg,
    `<g transform="translate(${graphOffsetX} ${legend.height})">`,
    ...layout.edges.map(renderEdgePath),
    ...layout.nodes.map((node) => renderNode(node, colorsByStage.get(node.stage)!)),
    ...layout.edges.map(renderEdgeLabel),
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

/** The width and height `renderFlowchartSvg` gives the chart, without rendering its boxes and arrows. */
export function measureFlowchartSvg(flowchart: Flowchart): FlowchartSize {
  const { width, height } = planSvg(flowchart);
  return { width, height };
}

// --- internal ---

// The chart's layout, the legend above it and the size of both: at least MIN_WIDTH wide.
function planSvg(flowchart: Flowchart) {
  const layout = layoutFlowchart(flowchart);
  const stageColors = assignStageColors(flowchart);
  const width = Math.max(MIN_WIDTH, layout.width);
  const legend = layoutLegend(stageColors, width);
  return { layout, stageColors, legend, width, height: legend.height + layout.height };
}

function renderNode(node: LaidOutNode, colors: StageColors): string {
  const left = node.x - node.width / 2;
  const top = node.y - node.height / 2;
  return [
    `<g class="node">`,
    `<rect x="${format(left)}" y="${format(top)}" width="${node.width}" height="${node.height}" rx="8" fill="${colors.fill}" stroke="${colors.stroke}" stroke-width="1.5"/>`,
    renderLines(node.lines, node.x, node.y, FLOWCHART_FONT_SIZE, TEXT_COLOR),
    '</g>',
  ].join('');
}

function renderEdgePath(edge: LaidOutEdge): string {
  return `<path d="${smoothPath(edge.points)}" fill="none" stroke="${EDGE_COLOR}" stroke-width="1.5" marker-end="url(#arrowhead)"/>`;
}

function renderEdgeLabel(edge: LaidOutEdge): string {
  if (edge.labelCenter === null) return '';
  const { x, y } = edge.labelCenter;
  const width = Math.ceil(Math.max(...edge.lines.map((line) => measureText(line, FLOWCHART_EDGE_FONT_SIZE))) + 10);
  const height = Math.ceil(edge.lines.length * FLOWCHART_EDGE_FONT_SIZE * FLOWCHART_LINE_HEIGHT + 4);
  return [
    `<rect x="${format(x - width / 2)}" y="${format(y - height / 2)}" width="${width}" height="${height}" rx="4" fill="#ffffff" fill-opacity="0.92"/>`,
    renderLines(edge.lines, x, y, FLOWCHART_EDGE_FONT_SIZE, '#334155', 'italic'),
  ].join('');
}

// Centered multi-line text; the baseline offset (0.35 em) puts each line's x-height on its slot's middle.
function renderLines(lines: string[], centerX: number, centerY: number, fontSize: number, color: string, fontStyle = 'normal'): string {
  const lineHeight = fontSize * FLOWCHART_LINE_HEIGHT;
  const firstMiddle = centerY - ((lines.length - 1) * lineHeight) / 2;
  const spans = lines.map(
    (line, index) => `<tspan x="${format(centerX)}" y="${format(firstMiddle + index * lineHeight + fontSize * 0.35)}">${escapeHtml(line)}</tspan>`,
  );
  const style = fontStyle === 'normal' ? '' : ` font-style="${fontStyle}"`;
  return `<text text-anchor="middle" font-size="${fontSize}" fill="${color}"${style}>${spans.join('')}</text>`;
}

// Rounded corners through dagre's bend points: straight to each midpoint, a quadratic curve around each bend.
function smoothPath(points: Point[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return '';
  const commands = [`M${format(first.x)},${format(first.y)}`];
  for (let index = 1; index < points.length - 1; index += 1) {
    const bend = points[index]!;
    const next = points[index + 1]!;
    const previous = points[index - 1]!;
    const start = midpoint(previous, bend);
    const end = midpoint(bend, next);
    commands.push(`L${format(start.x)},${format(start.y)}`, `Q${format(bend.x)},${format(bend.y)} ${format(end.x)},${format(end.y)}`);
  }
  commands.push(`L${format(last.x)},${format(last.y)}`);
  return commands.join(' ');
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

// Stage swatches in rows across the top, wrapping when a row is full.
function layoutLegend(stageColors: StageColors[], width: number): { svg: string; height: number } {
  const items: string[] = [];
  let x = LEGEND_MARGIN;
  let row = 0;
  for (const colors of stageColors) {
    const itemWidth = 14 + 6 + measureText(colors.stage, LEGEND_FONT_SIZE) + 18;
    if (x > LEGEND_MARGIN && x + itemWidth > width - LEGEND_MARGIN) {
      row += 1;
      x = LEGEND_MARGIN;
    }
    const top = LEGEND_MARGIN + row * LEGEND_ROW_HEIGHT;
    items.push(
      `<rect x="${format(x)}" y="${top}" width="14" height="14" rx="3" fill="${colors.fill}" stroke="${colors.stroke}" stroke-width="1.5"/>` +
        `<text x="${format(x + 20)}" y="${format(top + 7 + LEGEND_FONT_SIZE * 0.35)}" font-size="${LEGEND_FONT_SIZE}" fill="#334155">${escapeHtml(colors.stage)}</text>`,
    );
    x += itemWidth;
  }
  return { svg: `<g class="legend">${items.join('')}</g>`, height: LEGEND_MARGIN + (row + 1) * LEGEND_ROW_HEIGHT };
}

function format(value: number): string {
  return String(Math.round(value * 10) / 10);
}
