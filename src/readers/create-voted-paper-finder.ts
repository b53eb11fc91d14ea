import type { PaperMetadata } from '../brief/brief-schema.js';
import type { LearnPaper } from '../learn/learn-paper.js';
import type { StoredPaperFinder } from '../output/create-stored-paper-finder.js';

/** A paper's cached embedding, or undefined when the cache has none (the model then reads TF-IDF). */
export type EmbeddingLookup = (paper: Pick<PaperMetadata, 'id' | 'version'>) => Promise<readonly number[] | undefined>;

/** A voted paper as the reader's model reads it, by arXiv ID; undefined for a paper the project never briefed. */
export type VotedPaperFinder = (id: string) => Promise<LearnPaper | undefined>;

/**
 * Finds each voted paper (its brief read, its embedding looked up) once however many readers voted on it, and gives
 * every reader the same object: the model's per-paper caches (terms, vectors) then serve them all.
 */
export function createVotedPaperFinder(findPaper: StoredPaperFinder, embeddingOf?: EmbeddingLookup): VotedPaperFinder {
  const found = new Map<string, Promise<LearnPaper | undefined>>();
  return (id) => {
    let paper = found.get(id);
    if (paper === undefined) {
      paper = findLearnPaper(id, findPaper, embeddingOf);
      found.set(id, paper);
    }
    return paper;
  };
}

// --- internal ---

async function findLearnPaper(id: string, findPaper: StoredPaperFinder, embeddingOf: EmbeddingLookup | undefined): Promise<LearnPaper | undefined> {
  const paper = await findPaper(id);
  if (!paper) return undefined;
  const embedding = await embeddingOf?.(paper);
  return { id: paper.id, title: paper.title, abstract: paper.abstract, authors: paper.authors, ...(embedding ? { embedding } : {}) };
}
