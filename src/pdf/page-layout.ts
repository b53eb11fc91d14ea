import type { LayoutBox } from './layout-box.js';

/** One line of upright text on a page: its words, where it sits and the size of most of its letters. */
export interface TextLine {
  text: string;
  box: LayoutBox;
  /** The baseline's distance from the page top, in points. */
  baseline: number;
  fontSize: number;
}

/** Something drawn that is not a line of text: an image, a path, or rotated text (an axis title). */
export interface GraphicMark {
  kind: 'image' | 'path' | 'rotated-text';
  box: LayoutBox;
}

/** What a page shows and where, in points from its top left corner: the geometry figures are found in. */
export interface PageLayout {
  pageNumber: number;
  width: number;
  height: number;
  lines: TextLine[];
  marks: GraphicMark[];
}
