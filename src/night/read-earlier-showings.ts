import { listEditionDates, readDigestIndex } from '../output/digest-store.js';
import type { EditionRepeat } from '../edition/edition.js';

/**
 * Every paper shown in full in an edition dated before `date`, by arXiv ID (any version), with the earliest such
 * edition. Only earlier dates count, so making a day again never finds that day's own papers; an index that cannot
 * be read counts for nothing (publishing tells of it).
 */
export async function readEarlierShowings(outputDir: string, date: string): Promise<Map<string, EditionRepeat>> {
  const shown = new Map<string, EditionRepeat>();
  for (const earlier of (await listEditionDates(outputDir)).filter((edition) => edition < date)) {
    const index = await readDigestIndex(outputDir, earlier).catch(() => undefined);
    for (const paper of index?.papers ?? []) {
      // Oldest first: a paper is kept with the first edition that showed it.
      if (!shown.has(paper.id)) shown.set(paper.id, { id: paper.id, version: paper.version, title: paper.title, firstShown: earlier });
    }
  }
  return shown;
}
