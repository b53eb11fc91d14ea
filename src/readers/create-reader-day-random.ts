import { createHash } from 'node:crypto';
import { createSeededRandom } from '../text/create-seeded-random.js';

/**
 * The random source of one reader's copy of one day, seeded by both: a rerun of the night draws the same explore
 * picks and background sample, so a copy sent again is the same copy.
 */
export function createReaderDayRandom(address: string, date: string): () => number {
  return createSeededRandom(createHash('sha256').update(`${address}\u0000${date}`).digest().readUInt32BE(0));
}
