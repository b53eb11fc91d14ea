import { type LayoutBox, measureBoxArea, measureBoxGap, measureHorizontalOverlap, uniteBoxes } from '../pdf/layout-box.js';
import type { PageLayout } from '../pdf/page-layout.js';
import type { Caption } from './find-captions.js';
import { type BodyText, findBodyLines } from './measure-body-text.js';

/** Where a caption sits: under its figure (most papers) or over it. */
export type CaptionSide = 'below' | 'above';

// The figure's nearest mark lies within this many caption letters of the caption.
const SEED_GAP_LETTERS = 3;
// Marks this close (in body letters) belong to one figure; a column gutter is wider.
const CHAIN_GAP_LETTERS = 1;
// Rows of panels stacked in one figure sit further apart than that, straight above one another.
const STACK_GAP_LETTERS = 2;
// A mark covering half the page is a background, not a figure.
const MAX_MARK_SHARE = 0.5;
// Smaller than this (in points) is a rule or an icon, not a figure.
const MIN_REGION_WIDTH = 40;
const MIN_REGION_HEIGHT = 20;
// Points of white kept around the marks, so strokes on the edge are not cut.
const PADDING = 4;
// Marks may reach this far past the text that bounds the figure (a descender, a rule's width).
const TOLERANCE = 2;

/**
 * The region of the figure a caption describes, as pdffigures2 finds it: the marks drawn on the caption's side
 * between it and the nearest running text or other caption across it, starting next to the caption and taking
 * in the marks that touch them. Null when nothing drawn (an image or a path) is there.
 */
export function findFigureRegion(caption: Caption, layout: PageLayout, captions: Caption[], body: BodyText, side: CaptionSide): LayoutBox | null {
  const pageArea = layout.width * layout.height;
  const marks = layout.marks.filter((mark) => measureBoxArea(mark.box) <= MAX_MARK_SHARE * pageArea);
  const insideCaption = (box: LayoutBox) => captions.some((other) => contains(other.box, box));
  const insideMark = (box: LayoutBox) => marks.some((mark) => mark.kind !== 'rotated-text' && contains(mark.box, box));
  // Running text inside a drawn frame is part of the figure (a framed example), not a bound of it.
  const running = findBodyLines(layout.lines, body);
  const bodyLines = layout.lines.filter((line) => running.has(line) && !insideCaption(line.box) && !insideMark(line.box));
  const labels = layout.lines.filter((line) => !bodyLines.includes(line) && !insideCaption(line.box));
  const bounds = [...captions.filter((other) => other !== caption).map((other) => other.box), ...bodyLines.map((line) => line.box)];
  const band = findBand(caption.box, bounds, side, layout.height);

  const material = [...marks.map((mark) => ({ box: mark.box, drawn: mark.kind !== 'rotated-text' })), ...labels.map((line) => ({ box: line.box, drawn: false }))].filter(
    (item) => item.box.top >= band.top - TOLERANCE && item.box.bottom <= band.bottom + TOLERANCE,
  );
  const seedGap = SEED_GAP_LETTERS * caption.fontSize;
  const seeds = material.filter((item) => measureHorizontalOverlap(item.box, caption.box) > 0 && distanceFromCaption(item.box, caption.box, side) <= seedGap);
  if (seeds.length === 0) return null;

  const included = new Set(seeds);
  let region = seeds.map((item) => item.box).reduce(uniteBoxes);
  for (let grown = true; grown; ) {
    grown = false;
    for (const item of material) {
      if (included.has(item) || !touches(region, item.box, body.fontSize)) continue;
      included.add(item);
      region = uniteBoxes(region, item.box);
      grown = true;
    }
  }
  if (![...included].some((item) => item.drawn)) return null;
  // Never padded into the caption or the text bounding the figure.
  const clipped = {
    left: Math.max(0, region.left - PADDING),
    top: Math.max(band.top, region.top - PADDING),
    right: Math.min(layout.width, region.right + PADDING),
    bottom: Math.min(band.bottom, region.bottom + PADDING),
  };
  if (clipped.right - clipped.left < MIN_REGION_WIDTH || clipped.bottom - clipped.top < MIN_REGION_HEIGHT) return null;
  return clipped;
}

// --- internal ---

/** The stretch of the page between the caption and the nearest bound across from it on the figure's side. */
function findBand(captionBox: LayoutBox, bounds: LayoutBox[], side: CaptionSide, pageHeight: number): { top: number; bottom: number } {
  const across = bounds.filter((box) => measureHorizontalOverlap(box, captionBox) > 0);
  if (side === 'below') {
    const above = across.filter((box) => box.bottom <= captionBox.top + TOLERANCE).map((box) => box.bottom);
    return { top: Math.max(0, ...above), bottom: captionBox.top };
  }
  const below = across.filter((box) => box.top >= captionBox.bottom - TOLERANCE).map((box) => box.top);
  return { top: captionBox.bottom, bottom: Math.min(pageHeight, ...below) };
}

function touches(region: LayoutBox, box: LayoutBox, letter: number): boolean {
  if (measureBoxGap(region, box) <= CHAIN_GAP_LETTERS * letter) return true;
  const verticalGap = Math.max(box.top - region.bottom, region.top - box.bottom);
  return measureHorizontalOverlap(region, box) > 0 && verticalGap <= STACK_GAP_LETTERS * letter;
}

function distanceFromCaption(box: LayoutBox, captionBox: LayoutBox, side: CaptionSide): number {
  return side === 'below' ? captionBox.top - box.bottom : box.top - captionBox.bottom;
}

function contains(outer: LayoutBox, inner: LayoutBox): boolean {
  return inner.left >= outer.left - TOLERANCE && inner.right <= outer.right + TOLERANCE && inner.top >= outer.top - TOLERANCE && inner.bottom <= outer.bottom + TOLERANCE;
}
