import { publishEdition, type PublishedEdition } from '../archive/publish-edition.js';
import type { Warn } from '../archive/for-each-archived-edition.js';
import { readEdition } from '../output/digest-store.js';
import { acquireRunLock } from './acquire-run-lock.js';
import { removeAbandonedTemporaryFiles } from './remove-abandoned-temporary-files.js';

export interface RepublishEditionOptions {
  publicUrl?: string | undefined;
  warn: Warn;
}

/** `summarize digest`: the day's edition published again from its stored index and briefs, byte for byte. */
export async function republishEdition(outputDir: string, date: string, { publicUrl, warn }: RepublishEditionOptions): Promise<PublishedEdition & { papers: number }> {
  // The archive and feeds are shared with nightly runs: rebuild them only while no run is writing.
  const lock = await acquireRunLock(outputDir, { command: `digest --date ${date}` });
  try {
    await removeAbandonedTemporaryFiles(outputDir);
    const edition = await readEdition(outputDir, date);
    return { ...(await publishEdition(outputDir, edition, { publicUrl, warn })), papers: edition.papers.length };
  } finally {
    await lock.release();
  }
}
