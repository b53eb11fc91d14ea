import type { PaperMetadata } from '../brief/brief-schema.js';
import type { LearnPaper } from '../learn/learn-paper.js';
import type { ReaderProfile } from '../learn/reader-profile.js';
import type { StoredPaperFinder } from '../output/create-stored-paper-finder.js';
import type { ReaderSignals } from './reader-signals.js';

/** A paper's cached embedding, or undefined when the cache has none (the model then reads TF-IDF). */
export type EmbeddingLookup = (paper: Pick<PaperMetadata, 'id' | 'version'>) => Promise<readonly number[] | undefined>;

/** A reader's signals with their papers resolved: a vote on a paper the project never briefed (so has no text of) is left out. */
export async function buildReaderProfile(signals: ReaderSignals, findPaper: StoredPaperFinder, embeddingOf?: EmbeddingLookup): Promise<ReaderProfile> {
  const votes: ReaderProfile['votes'] = [];
  for (const vote of signals.votes) {
    const paper = await findPaper(vote.paperId);
    if (!paper) continue;
    const embedding = await embeddingOf?.(paper);
    votes.push({ paper: { id: paper.id, title: paper.title, abstract: paper.abstract, authors: paper.authors, ...(embedding ? { embedding } : {}) }, vote: vote.vote, at: vote.at });
  }
  const library = signals.library.map((item, index) => ({ paper: toLearnPaper(item, index), addedAt: item.addedAt }));
  return { votes, library, never: signals.never, follow: signals.follow };
}

/** Whether the reader told us anything their copy could follow; without it, their copy is the shared edition. */
export function hasReaderSignal(profile: ReaderProfile): boolean {
  return profile.votes.length + profile.library.length + profile.never.length + profile.follow.length > 0;
}

// --- internal ---

// An item without an arXiv ID still needs a key unique in the profile.
function toLearnPaper(item: ReaderSignals['library'][number], index: number): LearnPaper {
  return { id: item.arxivId ?? `library:${index}`, title: item.title, abstract: item.abstract, authors: item.authors };
}
