import { zodTextFormat } from 'openai/helpers/zod';
import { describe, expect, it } from 'vitest';
import { FlowchartSchema, type Flowchart } from '../../src/brief/flowchart-schema.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';

const valid = (): Flowchart => structuredClone(makeSampleBrief().flowchart);

function issuesOf(candidate: unknown): Array<{ path: string; message: string }> {
  const result = FlowchartSchema.safeParse(candidate);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('FlowchartSchema', () => {
  it('accepts a small workflow graph and an edge label "" meaning none', () => {
    const flowchart = valid();
    expect(flowchart.edges.some((edge) => edge.label === '')).toBe(true);
    expect(FlowchartSchema.parse(flowchart)).toEqual(flowchart);
  });

  it('points the repair loop at duplicate ids, unknown ends, self loops and duplicate edges', () => {
    const flowchart = valid();
    flowchart.nodes[1]!.id = 'n1';
    flowchart.edges.push({ from: 'n4', to: 'ghost', label: '' }, { from: 'n5', to: 'n5', label: '' }, { from: 'n1', to: 'n2', label: '' });
    const issues = issuesOf(flowchart);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'nodes.1.id', message: expect.stringContaining('duplicate node id "n1"') },
        { path: 'edges.6.to', message: expect.stringContaining('"ghost" names no node') },
        { path: 'edges.7', message: expect.stringContaining('to itself') },
        { path: 'edges.8', message: expect.stringContaining('duplicate edge') },
      ]),
    );
  });

  it('rejects empty and over-long labels, too few or too many nodes, and too many stages', () => {
    const emptyLabel = valid();
    emptyLabel.nodes[0]!.label = '   ';
    expect(issuesOf(emptyLabel).map((issue) => issue.path)).toContain('nodes.0.label');

    const longLabel = valid();
    longLabel.nodes[0]!.label = 'x'.repeat(41);
    expect(issuesOf(longLabel).map((issue) => issue.path)).toContain('nodes.0.label');

    const tooFew = valid();
    tooFew.nodes = tooFew.nodes.slice(0, 2);
    tooFew.edges = [{ from: 'n1', to: 'n2', label: '' }];
    expect(issuesOf(tooFew).map((issue) => issue.path)).toContain('nodes');

    const tooMany = valid();
    tooMany.nodes = Array.from({ length: 13 }, (_, index) => ({ id: `n${index}`, label: `Step ${index}`, stage: 'Model' }));
    expect(issuesOf(tooMany).map((issue) => issue.path)).toContain('nodes');

    const manyStages = valid();
    manyStages.nodes.forEach((node, index) => (node.stage = `Stage ${index}`));
    expect(issuesOf(manyStages)).toContainEqual({ path: 'nodes', message: expect.stringContaining('7 distinct stages') });
  });

  it('converts to an OpenAI strict-mode response format with every property required', () => {
    const format = zodTextFormat(FlowchartSchema, 'flowchart');
    const schema = format.schema as { properties: { edges: { items: { required: string[] } }; nodes: { items: { required: string[] } } } };
    expect(schema.properties.edges.items.required).toEqual(['from', 'to', 'label']);
    expect(schema.properties.nodes.items.required).toEqual(['id', 'label', 'stage']);
  });
});
