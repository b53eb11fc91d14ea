import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { findFontFiles } from '../../../src/output/flowchart/find-font-files.js';
import { renderFlowchartPng } from '../../../src/output/flowchart/render-flowchart-png.js';
import { makeSampleBrief } from '../../helpers/sample-brief.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function readSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

// Decodes our PNG by drawing it into an SVG with resvg, then counts pixels as dark as the node text (#0f172a).
function countTextPixels(png: Uint8Array): number {
  const { width, height } = readSize(png);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`;
  const pixels = new Resvg(svg).render().pixels;
  let count = 0;
  for (let index = 0; index < pixels.length; index += 4) {
    if (pixels[index]! < 40 && pixels[index + 1]! < 45 && pixels[index + 2]! < 70 && pixels[index + 3]! > 200) count += 1;
  }
  return count;
}

describe('renderFlowchartPng', () => {
  const flowchart = makeSampleBrief().flowchart;

  it('renders a PNG at twice the SVG size by default, or at the width asked for', () => {
    const png = renderFlowchartPng(flowchart);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const { width, height } = readSize(png);
    expect(width).toBeGreaterThan(500);
    expect(height).toBeGreaterThan(width); // a top-down chart of seven steps is tall

    const narrow = renderFlowchartPng(flowchart, { width: 300 });
    expect(readSize(narrow).width).toBe(300);
  });

  it('draws the labels as text (a font was found and used)', () => {
    expect(findFontFiles().length, 'install fonts-dejavu-core (apt-get install fonts-dejavu-core)').toBeGreaterThan(0);
    const withText = countTextPixels(renderFlowchartPng(flowchart));
    expect(withText).toBeGreaterThan(1000);
    const blankLabels = structuredClone(flowchart);
    blankLabels.nodes.forEach((node) => (node.label = '.'));
    expect(countTextPixels(renderFlowchartPng(blankLabels))).toBeLessThan(withText / 10);
  });

  it('is byte-identical for the same graph', () => {
    expect(Buffer.from(renderFlowchartPng(flowchart)).equals(Buffer.from(renderFlowchartPng(structuredClone(flowchart))))).toBe(true);
  });
});
