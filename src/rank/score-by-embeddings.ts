import { cosineSimilarity } from './cosine-similarity.js';
import type { ProfileEntry, Relevance } from './relevance.js';

/** Pure: each candidate's similarity to its nearest profile entry, named in the reason. */
export function scoreByEmbeddings(
  candidateVectors: readonly (readonly number[])[],
  profile: ReadonlyArray<ProfileEntry & { vector: readonly number[] }>,
): Relevance[] {
  return candidateVectors.map((vector) => {
    let best: { score: number; label: string } | null = null;
    for (const entry of profile) {
      const score = cosineSimilarity(vector, entry.vector);
      if (best === null || score > best.score) best = { score, label: entry.label };
    }
    return best === null ? { score: 0, reason: '' } : { score: best.score, reason: `nearest interest: ${best.label}` };
  });
}
