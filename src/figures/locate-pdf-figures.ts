import { type LayoutBox, measureBoxArea, measureOverlapArea } from '../pdf/layout-box.js';
import type { PageLayout } from '../pdf/page-layout.js';
import { findCaptions } from './find-captions.js';
import { type CaptionSide, findFigureRegion } from './find-figure-region.js';
import { findRunningLines } from './find-running-lines.js';
import { measureBodyText } from './measure-body-text.js';

/** A numbered figure found on a page: its caption and the region it is drawn in, in points from the top left. */
export interface LocatedFigure {
  number: number;
  caption: string;
  pageNumber: number;
  region: LayoutBox;
}

// Two regions sharing more than this of the smaller one are one drawing claimed by two captions.
const MAX_SHARED_SHARE = 0.1;

/**
 * Pairs each figure caption with the region drawn beside it. The paper's side (caption under or over its
 * figure) is the one its unambiguous captions show. A number found twice, two regions that overlap, or a
 * region another caption could claim from its other side are left out: no figure is better than one shown
 * with another's caption.
 */
export function locatePdfFigures(pages: PageLayout[]): LocatedFigure[] {
  const running = findRunningLines(pages);
  // Running headers and page numbers neither bound a figure nor belong to one.
  const layouts = pages.map((layout) => ({ ...layout, lines: layout.lines.filter((line) => !running.has(line)) }));
  const body = measureBodyText(layouts);
  const paperText = layouts.flatMap((layout) => layout.lines.map((line) => line.text)).join('\n');
  const candidates = layouts.flatMap((layout) => {
    const captions = findCaptions(layout, paperText);
    return captions
      .filter((caption) => caption.kind === 'figure' && caption.number > 0)
      .map((caption) => ({
        caption,
        layout,
        regions: { below: findFigureRegion(caption, layout, captions, body, 'below'), above: findFigureRegion(caption, layout, captions, body, 'above') },
      }));
  });
  const side = choosePaperSide(candidates.map((candidate) => candidate.regions));
  const otherSide = side === 'below' ? 'above' : 'below';
  const located = candidates.flatMap(({ caption, layout, regions }): LocatedFigure[] => {
    const region = regions[side];
    return region === null ? [] : [{ number: caption.number, caption: caption.text, pageNumber: layout.pageNumber, region }];
  });
  // A caption left without a figure on the paper's side may be the one a drawing on its other side belongs to.
  const unclaimed = candidates.flatMap(({ layout, regions }) => {
    const region = regions[otherSide];
    return regions[side] === null && region !== null ? [{ pageNumber: layout.pageNumber, region }] : [];
  });
  return located.filter((figure) => !isUncertain(figure, located, unclaimed)).toSorted((first, second) => first.number - second.number);
}

// --- internal ---

function choosePaperSide(regions: Array<Record<CaptionSide, LayoutBox | null>>): CaptionSide {
  const onlyBelow = regions.filter((region) => region.below !== null && region.above === null).length;
  const onlyAbove = regions.filter((region) => region.above !== null && region.below === null).length;
  // LaTeX puts a figure's caption under it unless told otherwise.
  return onlyAbove > onlyBelow ? 'above' : 'below';
}

function isUncertain(figure: LocatedFigure, located: LocatedFigure[], unclaimed: Array<Pick<LocatedFigure, 'pageNumber' | 'region'>>): boolean {
  const shares = (other: Pick<LocatedFigure, 'pageNumber' | 'region'>) =>
    other.pageNumber === figure.pageNumber && measureOverlapArea(other.region, figure.region) > MAX_SHARED_SHARE * Math.min(measureBoxArea(other.region), measureBoxArea(figure.region));
  return located.some((other) => other !== figure && (other.number === figure.number || shares(other))) || unclaimed.some(shares);
}
