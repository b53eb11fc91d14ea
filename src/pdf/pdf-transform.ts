/** A PDF transform `[a b c d e f]`: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type PdfTransform = [number, number, number, number, number, number];

/** The transform applying `inner` first, then `outer`, as PDF's `cm` operator composes them. */
export function multiplyTransforms(outer: readonly number[], inner: readonly number[]): PdfTransform {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = outer;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = inner;
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}

/** The box (left, top, right, bottom) holding the points of `corners` mapped through `transform`. */
export function transformBounds(transform: readonly number[], corners: ReadonlyArray<readonly [number, number]>): { left: number; top: number; right: number; bottom: number } {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = transform;
  const xs = corners.map(([x, y]) => a * x + c * y + e);
  const ys = corners.map(([x, y]) => b * x + d * y + f);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}
