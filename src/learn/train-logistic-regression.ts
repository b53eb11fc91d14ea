import { dotDense, type SparseVector } from './sparse-vector.js';

/** One training example: a paper's features, whether the reader liked it, and how much it counts. */
export interface TrainingExample {
  vector: SparseVector;
  liked: boolean;
  weight: number;
}

/** A trained linear model: `weights · x + bias` is the log-odds that the reader likes x. */
export interface LinearModel {
  weights: Float64Array;
  bias: number;
}

export interface TrainLogisticRegressionOptions {
  /** The L2 penalty per example. Default 0.03: votes are noisy and few, so a strong pull to zero ranks best (`npm run bench:learn`, seeds 1-3, 20 and 50 candidates a day, against 0.0001-0.1). */
  l2?: number;
  /** Passes over the examples. Default 20: with the stronger penalty the steps are smaller, and 10 passes stopped short. */
  epochs?: number;
  /** Shuffles the examples each pass; seeded in tests. */
  random: () => number;
}

/**
 * Weighted L2 logistic regression by stochastic gradient descent (Bottou's step size 1/(λ(t + t₀)),
 * the L2 shrink kept as one scale factor so each step costs only the example's non-zero features).
 */
export function trainLogisticRegression(examples: readonly TrainingExample[], dimension: number, options: TrainLogisticRegressionOptions): LinearModel {
  const { l2 = 0.03, epochs = 20, random } = options;
  const weights = new Float64Array(dimension);
  let scale = 1;
  let bias = 0;
  // Weights averaging 1 keep the step size meaningful whatever the ages and sample sizes.
  const meanWeight = examples.reduce((sum, example) => sum + example.weight, 0) / Math.max(1, examples.length);
  // t₀ = 1/λ makes the first step 1: large enough to learn from a handful of votes.
  const startStep = 1 / l2;
  let step = 0;
  const order = Array.from(examples.keys());
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const position of order) {
      const example = examples[position]!;
      const rate = 1 / (l2 * (startStep + step++));
      const margin = scale * dotDense(example.vector, weights) + bias;
      const gradient = (example.weight / meanWeight) * (sigmoid(margin) - (example.liked ? 1 : 0));
      scale *= 1 - rate * l2;
      const update = (-rate * gradient) / scale;
      const { indices, values } = example.vector;
      for (let entry = 0; entry < indices.length; entry++) weights[indices[entry]!]! += update * values[entry]!;
      bias -= rate * gradient;
      // Fold the scale back in before it underflows.
      if (scale < 1e-6) {
        for (let index = 0; index < weights.length; index++) weights[index] = weights[index]! * scale;
        scale = 1;
      }
    }
  }
  for (let index = 0; index < weights.length; index++) weights[index] = weights[index]! * scale;
  return { weights, bias };
}

/** The model's chance that the reader likes a paper with these features. */
export function predictLiking(model: LinearModel, vector: SparseVector): number {
  return sigmoid(dotDense(vector, model.weights) + model.bias);
}

// --- internal ---

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

// Fisher–Yates with the injected random source, so a seeded test trains the same model every time.
function shuffle(items: number[], random: () => number): void {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
}
