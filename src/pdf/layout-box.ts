/** A rectangle on a PDF page in points, origin at the top left (as a reader sees the page). */
export interface LayoutBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The smallest box holding both. */
export function uniteBoxes(first: LayoutBox, second: LayoutBox): LayoutBox {
  return { left: Math.min(first.left, second.left), top: Math.min(first.top, second.top), right: Math.max(first.right, second.right), bottom: Math.max(first.bottom, second.bottom) };
}

/** How far the two boxes overlap side to side, in points; 0 when they do not. */
export function measureHorizontalOverlap(first: LayoutBox, second: LayoutBox): number {
  return Math.max(0, Math.min(first.right, second.right) - Math.max(first.left, second.left));
}

/** The larger of the horizontal and vertical gaps between the boxes; 0 when they touch or overlap. */
export function measureBoxGap(first: LayoutBox, second: LayoutBox): number {
  const horizontal = Math.max(0, first.left - second.right, second.left - first.right);
  const vertical = Math.max(0, first.top - second.bottom, second.top - first.bottom);
  return Math.max(horizontal, vertical);
}

/** The area both boxes cover, in square points. */
export function measureOverlapArea(first: LayoutBox, second: LayoutBox): number {
  const height = Math.max(0, Math.min(first.bottom, second.bottom) - Math.max(first.top, second.top));
  return measureHorizontalOverlap(first, second) * height;
}

/** The box's area in square points. */
export function measureBoxArea(box: LayoutBox): number {
  return Math.max(0, box.right - box.left) * Math.max(0, box.bottom - box.top);
}
