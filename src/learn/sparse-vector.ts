/** A feature vector as its non-zero entries: feature indices and their values (a dense embedding lists every index). */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** The dot product of a vector with dense weights. */
export function dotDense(vector: SparseVector, weights: Float64Array): number {
  let sum = 0;
  for (let entry = 0; entry < vector.indices.length; entry++) sum += vector.values[entry]! * weights[vector.indices[entry]!]!;
  return sum;
}

/** A vector scaled to length 1, so long abstracts weigh no more than short ones; all zeros stays all zeros. */
export function normalizeVector(indices: Int32Array, values: Float64Array): SparseVector {
  let norm = 0;
  for (const value of values) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let entry = 0; entry < values.length; entry++) values[entry] = values[entry]! / norm;
  return { indices, values };
}
