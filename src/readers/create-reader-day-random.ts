import { createHash } from 'node:crypto';

/**
 * The random source of one reader's copy of one day, seeded by both: a rerun of the night draws the same explore
 * picks and background sample, so a copy sent again is the same copy.
 */
export function createReaderDayRandom(address: string, date: string): () => number {
  // mulberry32: small, fast and seeded, which Math.random cannot be.
  let state = createHash('sha256').update(`${address}\u0000${date}`).digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
