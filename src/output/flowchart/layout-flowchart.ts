import { createRequire } from 'node:module';
import type { EdgeLabel, NodeLabel } from '@dagrejs/dagre';
import type { Flowchart } from '../../brief/flowchart-schema.js';
import { measureText } from './measure-text.js';
import { wrapLabel } from './wrap-label.js';

export const FLOWCHART_FONT_SIZE = 14;
export const FLOWCHART_EDGE_FONT_SIZE = 12;
export const FLOWCHART_LINE_HEIGHT = 1.3;

const NODE_PADDING_X = 14;
const NODE_PADDING_Y = 10;
const NODE_MIN_WIDTH = 96;
const NODE_MAX_TEXT_WIDTH = 170;
const EDGE_LABEL_MAX_WIDTH = 120;

export interface Point {
  x: number;
  y: number;
}

export interface LaidOutNode {
  id: string;
  stage: string;
  /** Label wrapped into lines that fit the box. */
  lines: string[];
  /** Center of the box. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidOutEdge {
  from: string;
  to: string;
  points: Point[];
  /** Empty when the edge has no label. */
  lines: string[];
  labelCenter: Point | null;
}

export interface FlowchartLayout {
  width: number;
  height: number;
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}

// Top-down layered layout by dagre; boxes are sized from the wrapped labels; coordinates rounded so output is byte-stable.
export function layoutFlowchart(flowchart: Flowchart): FlowchartLayout {
  const dagre = loadDagre();
  const graph = new dagre.graphlib.Graph<Record<string, unknown>, NodeLabel, EdgeLabel>({ multigraph: false });
  graph.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 44, edgesep: 16, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));

  const linesById = new Map<string, string[]>();
  for (const node of flowchart.nodes) {
    const lines = wrapLabel(node.label, NODE_MAX_TEXT_WIDTH, FLOWCHART_FONT_SIZE);
    linesById.set(node.id, lines);
    const textWidth = Math.max(...lines.map((line) => measureText(line, FLOWCHART_FONT_SIZE)));
    graph.setNode(node.id, {
      width: Math.max(NODE_MIN_WIDTH, Math.ceil(textWidth + 2 * NODE_PADDING_X)),
      height: Math.ceil(lines.length * FLOWCHART_FONT_SIZE * FLOWCHART_LINE_HEIGHT + 2 * NODE_PADDING_Y),
    });
  }
  const edgeLines = flowchart.edges.map((edge) => (edge.label === '' ? [] : wrapLabel(edge.label, EDGE_LABEL_MAX_WIDTH, FLOWCHART_EDGE_FONT_SIZE)));
  flowchart.edges.forEach((edge, index) => {
    const lines = edgeLines[index]!;
    const labelSize =
      lines.length === 0
        ? {}
        : {
            width: Math.ceil(Math.max(...lines.map((line) => measureText(line, FLOWCHART_EDGE_FONT_SIZE))) + 8),
            height: Math.ceil(lines.length * FLOWCHART_EDGE_FONT_SIZE * FLOWCHART_LINE_HEIGHT + 4),
            labelpos: 'c' as const,
          };
    graph.setEdge(edge.from, edge.to, { ...labelSize });
  });

  dagre.layout(graph);

  const graphLabel = graph.graph() as { width?: number; height?: number };
  return {
    width: Math.ceil(graphLabel.width ?? 0),
    height: Math.ceil(graphLabel.height ?? 0),
    nodes: flowchart.nodes.map((node) => {
      const placed = graph.node(node.id);
      return {
        id: node.id,
        stage: node.stage,
        lines: linesById.get(node.id)!,
        x: round(placed.x ?? 0),
        y: round(placed.y ?? 0),
        width: placed.width,
        height: placed.height,
      };
    }),
    edges: flowchart.edges.map((edge, index) => {
      const placed = graph.edge(edge.from, edge.to);
      const lines = edgeLines[index]!;
      return {
        from: edge.from,
        to: edge.to,
        points: (placed.points ?? []).map((point: { x: number; y: number }) => ({ x: round(point.x), y: round(point.y) })),
        lines,
        labelCenter: lines.length === 0 || placed.x === undefined || placed.y === undefined ? null : { x: round(placed.x), y: round(placed.y) },
      };
    }),
  };
}

// --- internal ---

const require = createRequire(import.meta.url);

// Loaded by the runs that draw a flowchart, not by every command that reads stored briefs.
function loadDagre(): typeof import('@dagrejs/dagre') {
  return require('@dagrejs/dagre') as typeof import('@dagrejs/dagre');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
