import type { Flowchart } from '../brief/flowchart-schema.js';
import { getMessages } from '../language/messages.js';

// Alt text that carries the chart for readers who get no image (screen readers, images off), in the brief's language.
export function describeFlowchart(flowchart: Flowchart, language?: string): string {
  const messages = getMessages(language);
  const labels = new Map(flowchart.nodes.map((node) => [node.id, node.label]));
  const steps = flowchart.edges.map((edge) => `${labels.get(edge.from)} → ${labels.get(edge.to)}${edge.label === '' ? '' : ` (${edge.label})`}`);
  return messages.flowchartAlt(steps.join(messages.clauseSeparator));
}
