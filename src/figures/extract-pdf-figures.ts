import { PDFParse } from 'pdf-parse';
import sharp from 'sharp';
import type { LayoutBox } from '../pdf/layout-box.js';
import { readPageLayouts } from '../pdf/read-page-layouts.js';
import { locatePdfFigures } from './locate-pdf-figures.js';
import type { FoundFigure } from './paper-figure.js';

export interface ExtractPdfFiguresOptions {
  /** The first this many figures (by number) are rendered; the rest cost rendering time nobody sees. Default: 12. */
  maxFigures?: number;
}

// 216 dpi: a column-wide figure comes out about 700 px wide, a page-wide one about 1,500 (then resized to 1,200).
const RENDER_SCALE = 3;
const DEFAULT_MAX_FIGURES = 12;
// White kept around a trimmed figure, as the page had it.
const MARGIN_PIXELS = 8;

/**
 * The PDF's numbered figures, each as its page shows it (images, vector drawings and their labels), with its
 * own caption: regions are paired with captions by where they sit on the page; anything uncertain is left out.
 */
export async function extractPdfFigures(pdf: Uint8Array, options: ExtractPdfFiguresOptions = {}): Promise<FoundFigure[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 });
  try {
    const located = locatePdfFigures(await readPageLayouts(parser)).slice(0, options.maxFigures ?? DEFAULT_MAX_FIGURES);
    const figures: FoundFigure[] = [];
    for (const pageNumber of new Set(located.map((figure) => figure.pageNumber))) {
      const screenshot = await parser.getScreenshot({ partial: [pageNumber], scale: RENDER_SCALE, imageBuffer: true, imageDataUrl: false });
      const page = screenshot.pages[0];
      if (page === undefined) continue;
      for (const figure of located.filter((candidate) => candidate.pageNumber === pageNumber)) {
        figures.push({ number: figure.number, caption: figure.caption, image: await cropRegion(page.data, figure.region, page.scale) });
      }
    }
    return figures.toSorted((first, second) => first.number - second.number);
  } finally {
    await parser.destroy();
  }
}

// --- internal ---

async function cropRegion(pageImage: Uint8Array, region: LayoutBox, scale: number): Promise<Uint8Array> {
  const { width = 0, height = 0 } = await sharp(pageImage).metadata();
  const box = toPixels(region, scale, width, height);
  const cropped = await sharp(pageImage).extract(box).png().toBuffer();
  // A region reaching past a clipped image holds white margins; trimmed, with a little white put back.
  const trimmed = await sharp(cropped)
    .trim({ background: '#ffffff', threshold: 10 })
    .toBuffer()
    .catch(() => cropped);
  const margin = MARGIN_PIXELS;
  return sharp(trimmed).extend({ top: margin, bottom: margin, left: margin, right: margin, background: '#ffffff' }).flatten({ background: '#ffffff' }).png().toBuffer();
}

function toPixels(region: LayoutBox, scale: number, width: number, height: number): { left: number; top: number; width: number; height: number } {
  const left = Math.max(0, Math.floor(region.left * scale));
  const top = Math.max(0, Math.floor(region.top * scale));
  const right = Math.min(width, Math.ceil(region.right * scale));
  const bottom = Math.min(height, Math.ceil(region.bottom * scale));
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}
