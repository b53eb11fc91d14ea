import type { LayoutBox } from './layout-box.js';
import type { GraphicMark } from './page-layout.js';
import { multiplyTransforms, transformBounds } from './pdf-transform.js';

/** A page's drawing operations as pdf.js's getOperatorList gives them. */
export interface PdfOperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/**
 * pdf.js's operator codes (its `OPS` table, unchanged since pdf.js 2 and in the 5.4 that pdf-parse pins);
 * pdf-parse does not re-export the table, and a second pdf.js just for it is not worth its weight.
 */
const OPERATOR = {
  save: 10,
  restore: 11,
  transform: 12,
  endPath: 28,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  paintImageMaskXObject: 83,
  paintImageXObject: 85,
  paintInlineImageXObject: 86,
  paintSolidColorImageMask: 90,
  constructPath: 91,
} as const;
const IMAGE_OPERATORS = new Set<number>([OPERATOR.paintImageMaskXObject, OPERATOR.paintImageXObject, OPERATOR.paintInlineImageXObject, OPERATOR.paintSolidColorImageMask]);
const UNIT_SQUARE: ReadonlyArray<readonly [number, number]> = [[0, 0], [1, 0], [0, 1], [1, 1]];

/**
 * Where the page paints images and paths, following the graphics state's transform as a renderer does
 * (`viewportTransform` is pdf.js's scale-1 viewport transform). Clipping-only paths paint nothing and are left out.
 */
export function findGraphicMarks(operators: PdfOperatorList, viewportTransform: number[]): GraphicMark[] {
  const marks: GraphicMark[] = [];
  const saved: number[][] = [];
  let current: number[] = [1, 0, 0, 1, 0, 0];
  for (let index = 0; index < operators.fnArray.length; index += 1) {
    const operator = operators.fnArray[index];
    const args = operators.argsArray[index];
    if (operator === OPERATOR.save) saved.push(current);
    else if (operator === OPERATOR.restore || operator === OPERATOR.paintFormXObjectEnd) current = saved.pop() ?? current;
    else if (operator === OPERATOR.transform && isNumberList(args)) current = multiplyTransforms(current, args);
    else if (operator === OPERATOR.paintFormXObjectBegin) {
      saved.push(current);
      const matrix = Array.isArray(args) ? args[0] : undefined;
      if (isNumberList(matrix)) current = multiplyTransforms(current, matrix);
    } else if (operator !== undefined && IMAGE_OPERATORS.has(operator)) {
      // An image fills the unit square of its transform.
      marks.push({ kind: 'image', box: transformBounds(multiplyTransforms(viewportTransform, current), UNIT_SQUARE) });
    } else if (operator === OPERATOR.constructPath) {
      const box = readPathBounds(args, multiplyTransforms(viewportTransform, current));
      if (box !== null) marks.push({ kind: 'path', box });
    }
  }
  return marks;
}

// --- internal ---

// pdf.js 5 gives a path as [painting operator, path data, [minX, minY, maxX, maxY]] in user space.
function readPathBounds(args: unknown, transform: number[]): LayoutBox | null {
  if (!Array.isArray(args) || args[0] === OPERATOR.endPath) return null;
  const bounds = args[2];
  if (!isNumberList(bounds) || bounds.length < 4) return null;
  const [minX, minY, maxX, maxY] = Array.from(bounds) as [number, number, number, number];
  if (![minX, minY, maxX, maxY].every(Number.isFinite) || minX > maxX || minY > maxY) return null;
  return transformBounds(transform, [[minX, minY], [maxX, minY], [minX, maxY], [maxX, maxY]]);
}

function isNumberList(value: unknown): value is number[] {
  return (Array.isArray(value) || ArrayBuffer.isView(value)) && Array.from(value as ArrayLike<unknown>).every((entry) => typeof entry === 'number');
}
