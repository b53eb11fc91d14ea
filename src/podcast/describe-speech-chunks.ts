import { formatCount } from '../format/format-count.js';

/** `3 of 10 chunks synthesized, the others from the cache`: the cache is named only when it gave some. */
export function describeSpeechChunks(paid: number, total: number): string {
  const cached = paid === total ? '' : paid === 0 ? ', all from the cache' : ', the others from the cache';
  return `${paid} of ${formatCount(total, 'chunk')} synthesized${cached}`;
}
