import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Flowchart } from '../../../src/brief/flowchart-schema.js';
import { measureFlowchartSvg, renderFlowchartSvg } from '../../../src/output/flowchart/render-flowchart-svg.js';
import { makeSampleBrief } from '../../helpers/sample-brief.js';

const hostile: Flowchart = {
  nodes: [
    { id: 'a', label: '<script>alert(1)</script>', stage: 'In & Out' },
    { id: 'b', label: 'Tom\'s "model" & co', stage: 'Model' },
    { id: 'c', label: ']]> <!-- x', stage: 'Model' },
  ],
  edges: [
    { from: 'a', to: 'b', label: '<b>bold</b>' },
    { from: 'b', to: 'c', label: '' },
  ],
};

describe('renderFlowchartSvg', () => {
  it('is well-formed standalone SVG with a viewBox, its own background, arrow markers and one box per node', () => {
    const flowchart = makeSampleBrief().flowchart;
    const svg = renderFlowchartSvg(flowchart);
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = new XMLParser({ ignoreAttributes: false }).parse(svg).svg;
    expect(root['@_xmlns']).toBe('http://www.w3.org/2000/svg');
    expect(root['@_viewBox']).toMatch(/^0 0 \d+ \d+$/);
    expect(root['@_font-family']).toContain('DejaVu Sans');
    expect(svg).toMatch(/<rect x="0.5" y="0.5" [^>]*fill="#ffffff"/);
    expect(svg).toContain('<marker id="arrowhead"');
    expect(svg.match(/marker-end="url\(#arrowhead\)"/g)).toHaveLength(flowchart.edges.length);
    expect(svg.match(/<g class="node">/g)).toHaveLength(flowchart.nodes.length);
    for (const label of ['Input', 'Model', 'Training', 'Evaluation', 'chunks', 'embeddings', 'InfoNCE training']) expect(svg).toContain(`>${label}<`);
  });

  it('colors boxes by stage: same stage same color, different stages different colors', () => {
    const svg = renderFlowchartSvg(makeSampleBrief().flowchart);
    const fills = [...svg.matchAll(/<g class="node"><rect [^>]*fill="(#[0-9a-f]+)"/g)].map((match) => match[1]);
    expect(fills[0]).toBe(fills[1]); // both Input
    expect(fills[2]).toBe(fills[3]); // both Model
    expect(new Set(fills).size).toBe(4);
  });

  it('escapes labels so hostile text stays text', () => {
    const svg = renderFlowchartSvg(hostile);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<!--');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('Tom&#39;s &quot;model&quot; &amp; co');
    expect(svg).toContain('>In &amp; Out<');
  });

  it('is byte-identical for the same graph', () => {
    const flowchart = makeSampleBrief().flowchart;
    expect(renderFlowchartSvg(flowchart)).toBe(renderFlowchartSvg(structuredClone(flowchart)));
  });
});

describe('measureFlowchartSvg', () => {
  it('gives the size the rendered SVG has', () => {
    for (const flowchart of [makeSampleBrief().flowchart, hostile]) {
      const [, width, height] = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(renderFlowchartSvg(flowchart))!;
      expect(measureFlowchartSvg(flowchart)).toEqual({ width: Number(width), height: Number(height) });
    }
  });
});
