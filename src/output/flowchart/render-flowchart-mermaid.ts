import type { Flowchart } from '../../brief/flowchart-schema.js';
import { assignStageColors } from './stage-palette.js';

// Mermaid `flowchart TD` text for markdown; ids are generated (n0, n1, …) so nothing the model wrote is ever Mermaid syntax.
export function renderFlowchartMermaid(flowchart: Flowchart): string {
  const mermaidIdByNodeId = new Map(flowchart.nodes.map((node, index) => [node.id, `n${index}`]));
  const stageColors = assignStageColors(flowchart);
  const lines = ['flowchart TD'];

  stageColors.forEach(({ stage }, stageIndex) => {
    lines.push(`  subgraph stage${stageIndex}["${escapeMermaidText(stage)}"]`);
    for (const node of flowchart.nodes.filter((candidate) => candidate.stage === stage)) {
      lines.push(`    ${mermaidIdByNodeId.get(node.id)}["${escapeMermaidText(node.label)}"]`);
    }
    lines.push('  end');
  });
  for (const edge of flowchart.edges) {
    const arrow = edge.label === '' ? '-->' : `-->|"${escapeMermaidText(edge.label)}"|`;
    lines.push(`  ${mermaidIdByNodeId.get(edge.from)} ${arrow} ${mermaidIdByNodeId.get(edge.to)}`);
  }
  stageColors.forEach(({ fill, stroke }, stageIndex) => {
    lines.push(`  classDef stage${stageIndex}Node fill:${fill},stroke:${stroke},color:#0f172a`);
  });
  stageColors.forEach(({ stage }, stageIndex) => {
    const ids = flowchart.nodes.filter((node) => node.stage === stage).map((node) => mermaidIdByNodeId.get(node.id));
    lines.push(`  class ${ids.join(',')} stage${stageIndex}Node`);
  });
  return `${lines.join('\n')}\n`;
}

// --- internal ---

// Mermaid decodes `#<decimal>;` inside labels; encoding every syntax or markdown/HTML character keeps labels literal.
function escapeMermaidText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/["#&<>[\](){}|`*_~\\]/g, (character) => `#${character.codePointAt(0)};`);
}
