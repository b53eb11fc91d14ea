import { describe, expect, it } from 'vitest';
import { layoutFlowchart, type LaidOutNode } from '../../../src/output/flowchart/layout-flowchart.js';
import { makeSampleBrief } from '../../helpers/sample-brief.js';

function overlaps(a: LaidOutNode, b: LaidOutNode): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
}

describe('layoutFlowchart', () => {
  it('places every box inside the drawing without overlaps, edges running top to bottom', () => {
    const flowchart = makeSampleBrief().flowchart;
    const layout = layoutFlowchart(flowchart);
    for (const node of layout.nodes) {
      expect(node.x - node.width / 2).toBeGreaterThanOrEqual(0);
      expect(node.y + node.height / 2).toBeLessThanOrEqual(layout.height);
      expect(node.x + node.width / 2).toBeLessThanOrEqual(layout.width);
      for (const other of layout.nodes) if (other !== node) expect(overlaps(node, other)).toBe(false);
    }
    const byId = new Map(layout.nodes.map((node) => [node.id, node]));
    for (const edge of layout.edges) {
      expect(byId.get(edge.to)!.y).toBeGreaterThan(byId.get(edge.from)!.y);
      expect(edge.points.length).toBeGreaterThanOrEqual(2);
    }
    expect(layout.edges.find((edge) => edge.lines.length > 0)?.labelCenter).not.toBeNull();
  });

  it('sizes boxes from their labels and wraps long labels onto lines', () => {
    const layout = layoutFlowchart({
      nodes: [
        { id: 'a', label: 'Go', stage: 'S' },
        { id: 'b', label: 'A much longer label that has to wrap here', stage: 'S' },
        { id: 'c', label: 'Medium length label', stage: 'S' },
      ],
      edges: [
        { from: 'a', to: 'b', label: '' },
        { from: 'b', to: 'c', label: '' },
      ],
    });
    const [short, long, medium] = layout.nodes;
    expect(long!.lines.length).toBeGreaterThan(1);
    expect(long!.lines.join(' ')).toBe('A much longer label that has to wrap here');
    expect(long!.height).toBeGreaterThan(short!.height);
    expect(medium!.width).toBeGreaterThan(short!.width);
  });

  it('gives the same coordinates for the same graph', () => {
    const flowchart = makeSampleBrief().flowchart;
    expect(layoutFlowchart(flowchart)).toEqual(layoutFlowchart(structuredClone(flowchart)));
  });
});
