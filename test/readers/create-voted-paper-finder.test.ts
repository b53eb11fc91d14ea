import { describe, expect, it } from 'vitest';
import type { PaperMetadata } from '../../src/brief/brief-schema.js';
import { buildReaderProfile } from '../../src/readers/build-reader-profile.js';
import { createVotedPaperFinder } from '../../src/readers/create-voted-paper-finder.js';
import type { ReaderSignals } from '../../src/readers/reader-signals.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';

const briefed = makeSampleBrief().paper;

function signalsOf(readerId: number, votes: string[]): ReaderSignals {
  return { readerId, address: `reader${readerId}@example.org`, votes: votes.map((paperId) => ({ paperId, vote: 'up', at: '2025-09-09T12:00:00.000Z' })), library: [], never: [], follow: [] };
}

describe('the voted papers of one reading of the readers', () => {
  it('reads a paper many readers voted on once, with its embedding once, and gives each reader the same object', async () => {
    const found: string[] = [];
    const embedded: string[] = [];
    const findPaper = async (id: string): Promise<PaperMetadata | undefined> => {
      found.push(id);
      return id === briefed.id ? briefed : undefined;
    };
    const findVotedPaper = createVotedPaperFinder(findPaper, async (paper) => {
      embedded.push(paper.id);
      return [0.6, 0.8];
    });

    const profiles = await Promise.all([1, 2, 3].map((readerId) => buildReaderProfile(signalsOf(readerId, [briefed.id, '2509.99999']), findVotedPaper)));

    expect(found.sort()).toEqual(['2509.99999', briefed.id].sort());
    expect(embedded).toEqual([briefed.id]);
    expect(profiles.map((profile) => profile.votes.length)).toEqual([1, 1, 1]);
    const [first, ...others] = profiles.map((profile) => profile.votes[0]!.paper);
    expect(first).toMatchObject({ id: briefed.id, title: briefed.title, embedding: [0.6, 0.8] });
    for (const other of others) expect(other).toBe(first);
  });
});
