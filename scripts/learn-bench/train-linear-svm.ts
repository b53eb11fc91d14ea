import { dotDense, type SparseVector } from '../../src/learn/sparse-vector.js';

/**
 * arxiv-sanity-lite's model, rebuilt for the bench: a linear SVM (hinge loss, L2) with balanced class
 * weights, as scikit-learn's LinearSVC(C=0.01, class_weight='balanced') it trains per tag; solved by
 * Pegasos (step 1/(λt), λ = 1/(C·n)) instead of liblinear.
 */
export function trainLinearSvm(examples: readonly { vector: SparseVector; liked: boolean }[], dimension: number, random: () => number, { c = 0.01, epochs = 5 } = {}): Float64Array {
  const weights = new Float64Array(dimension);
  const positives = examples.filter((example) => example.liked).length;
  if (positives === 0 || positives === examples.length) return weights;
  const lambda = 1 / (c * examples.length);
  // Balanced: each class weighs n / (2 · its count), as scikit-learn computes it.
  const classWeight = { liked: examples.length / (2 * positives), other: examples.length / (2 * (examples.length - positives)) };
  let scale = 1;
  let step = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let draw = 0; draw < examples.length; draw++) {
      const example = examples[Math.floor(random() * examples.length)]!;
      const rate = 1 / (lambda * step++);
      const sign = example.liked ? 1 : -1;
      const margin = sign * scale * dotDense(example.vector, weights);
      scale *= 1 - rate * lambda;
      if (scale < 1e-9) {
        for (let index = 0; index < dimension; index++) weights[index] = weights[index]! * scale;
        scale = 1;
      }
      if (margin >= 1) continue;
      const update = (rate * sign * (example.liked ? classWeight.liked : classWeight.other)) / scale;
      const { indices, values } = example.vector;
      for (let entry = 0; entry < indices.length; entry++) weights[indices[entry]!] = weights[indices[entry]!]! + update * values[entry]!;
    }
  }
  return weights.map((weight) => weight * scale);
}
