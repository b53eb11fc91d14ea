import { createRequire } from 'node:module';
import type { Flowchart } from '../../brief/flowchart-schema.js';
import { findFontFiles, type FontFile } from './find-font-files.js';
import { renderFlowchartSvg } from './render-flowchart-svg.js';

export interface RenderFlowchartPngOptions {
  /** Width of the PNG in pixels; the chart is scaled to it. Default: twice the SVG's own width, for sharp text on high-DPI screens. */
  width?: number;
  /** Fonts to render text with. Default: DejaVu Sans / Liberation Sans found in the standard folders (`findFontFiles()`). */
  fontFiles?: FontFile[];
}

// Known font files first (same pixels on every machine that has them); the system's fonts only when none is found.
export function renderFlowchartPng(flowchart: Flowchart, options: RenderFlowchartPngOptions = {}): Uint8Array {
  const fontFiles = options.fontFiles ?? findFontFiles();
  const { Resvg } = loadRenderer();
  const resvg = new Resvg(renderFlowchartSvg(flowchart), {
    fitTo: options.width === undefined ? { mode: 'zoom', value: 2 } : { mode: 'width', value: options.width },
    font:
      fontFiles.length === 0
        ? { loadSystemFonts: true }
        : { loadSystemFonts: false, fontFiles: fontFiles.map((font) => font.path), defaultFontFamily: fontFiles[0]!.family },
    logLevel: 'off',
  });
  return new Uint8Array(resvg.render().asPng());
}

// --- internal ---

const require = createRequire(import.meta.url);
let renderer: typeof import('@resvg/resvg-js') | undefined;

// A native module: loaded by the runs that draw a flowchart, not by every command that stores briefs.
function loadRenderer(): typeof import('@resvg/resvg-js') {
  renderer ??= require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  return renderer;
}
