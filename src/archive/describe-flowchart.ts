import type { Flowchart } from '../brief/flowchart-schema.js';

// Alt text that carries the chart for readers who get no image (screen readers, images off).
export function describeFlowchart(flowchart: Flowchart): string {
  const labels = new Map(flowchart.nodes.map((node) => [node.id, node.label]));
  const steps = flowchart.edges.map((edge) => `${labels.get(edge.from)} → ${labels.get(edge.to)}${edge.label === '' ? '' : ` (${edge.label})`}`);
  return `Method workflow: ${steps.join('; ')}`;
}
