import { countPaperTerms } from './count-paper-terms.js';
import type { LearnPaper } from './learn-paper.js';
import { normalizeVector, type SparseVector } from './sparse-vector.js';

/** The space a reader's model works in: each paper's unit-length vector, and how many features there are. */
export interface FeatureSpace {
  kind: 'embeddings' | 'tf-idf';
  dimension: number;
  vectorOf(paper: LearnPaper): SparseVector;
}

/**
 * The paper embeddings when every paper has one of one length, else TF-IDF of title, abstract and authors
 * over the day's candidates and the background. Built once per (candidates, background) pair: a night
 * ranks many readers over the same day.
 */
export function buildFeatureSpace(candidates: readonly LearnPaper[], background: readonly LearnPaper[], profilePapers: readonly LearnPaper[]): FeatureSpace {
  const embeddingLength = candidates[0]?.embedding?.length ?? 0;
  const allEmbedded = (papers: readonly LearnPaper[]) => papers.every((paper) => paper.embedding !== undefined && paper.embedding.length === embeddingLength);
  if (embeddingLength > 0 && allEmbedded(candidates) && allEmbedded(background) && allEmbedded(profilePapers)) return embeddingSpace(embeddingLength);
  let byBackground = TF_IDF_SPACES.get(candidates);
  if (!byBackground) TF_IDF_SPACES.set(candidates, (byBackground = new WeakMap()));
  let space = byBackground.get(background);
  if (!space) byBackground.set(background, (space = tfIdfSpace([...candidates, ...background])));
  return space;
}

// --- internal ---

const TF_IDF_SPACES = new WeakMap<readonly LearnPaper[], WeakMap<readonly LearnPaper[], FeatureSpace>>();

// A term no candidate holds can score no candidate: the vocabulary is the day's and the background's, nothing else.
function tfIdfSpace(corpus: readonly LearnPaper[]): FeatureSpace {
  const vocabulary = new Map<string, number>();
  const documentFrequency: number[] = [];
  for (const paper of corpus) {
    for (const term of countPaperTerms(paper).keys()) {
      let index = vocabulary.get(term);
      if (index === undefined) vocabulary.set(term, (index = documentFrequency.push(0) - 1));
      documentFrequency[index]! += 1;
    }
  }
  // Smoothed IDF (as scikit-learn's): a term in every paper still counts a little.
  const idf = Float64Array.from(documentFrequency, (frequency) => Math.log((corpus.length + 1) / (frequency + 1)) + 1);
  const vectors = new WeakMap<LearnPaper, SparseVector>();
  return {
    kind: 'tf-idf',
    dimension: idf.length,
    vectorOf(paper) {
      const cached = vectors.get(paper);
      if (cached) return cached;
      const indices: number[] = [];
      const values: number[] = [];
      for (const [term, count] of countPaperTerms(paper)) {
        const index = vocabulary.get(term);
        if (index === undefined) continue;
        indices.push(index);
        // Sublinear term frequency: a word said ten times is not ten times the topic.
        values.push((1 + Math.log(count)) * idf[index]!);
      }
      const vector = normalizeVector(Int32Array.from(indices), Float64Array.from(values));
      vectors.set(paper, vector);
      return vector;
    },
  };
}

// Each embedding is scaled once, however many readers read it.
const EMBEDDING_VECTORS = new WeakMap<LearnPaper, SparseVector>();

function embeddingSpace(length: number): FeatureSpace {
  const indices = Int32Array.from({ length }, (_, index) => index);
  const vectors = EMBEDDING_VECTORS;
  return {
    kind: 'embeddings',
    dimension: length,
    vectorOf(paper) {
      let vector = vectors.get(paper);
      if (!vector) vectors.set(paper, (vector = normalizeVector(indices, Float64Array.from(paper.embedding ?? []))));
      return vector;
    },
  };
}
