import type { LearnPaper } from '../learn/learn-paper.js';
import type { ReaderProfile } from '../learn/reader-profile.js';
import type { VotedPaperFinder } from './create-voted-paper-finder.js';
import type { ReaderSignals } from './reader-signals.js';

/** A reader's signals with their papers resolved: a vote on a paper the project never briefed (so has no text of) is left out. */
export async function buildReaderProfile(signals: ReaderSignals, findVotedPaper: VotedPaperFinder): Promise<ReaderProfile> {
  const votes: ReaderProfile['votes'] = [];
  for (const vote of signals.votes) {
    const paper = await findVotedPaper(vote.paperId);
    if (paper) votes.push({ paper, vote: vote.vote, at: vote.at });
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
