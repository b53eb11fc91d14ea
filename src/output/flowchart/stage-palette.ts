import type { Flowchart } from '../../brief/flowchart-schema.js';

export interface StageColors {
  stage: string;
  fill: string;
  stroke: string;
}

// Light fills with dark strokes and dark text read on any page, since the chart carries its own light background.
const PALETTE: ReadonlyArray<Omit<StageColors, 'stage'>> = [
  { fill: '#dbeafe', stroke: '#1d4ed8' },
  { fill: '#dcfce7', stroke: '#15803d' },
  { fill: '#fef3c7', stroke: '#b45309' },
  { fill: '#fce7f3', stroke: '#be185d' },
  { fill: '#ede9fe', stroke: '#6d28d9' },
  { fill: '#cffafe', stroke: '#0e7490' },
];

/** One color per stage, in order of first appearance, so the same chart always gets the same colors. */
export function assignStageColors(flowchart: Flowchart): StageColors[] {
  const stages = [...new Set(flowchart.nodes.map((node) => node.stage))];
  return stages.map((stage, index) => ({ stage, ...PALETTE[index % PALETTE.length]! }));
}
