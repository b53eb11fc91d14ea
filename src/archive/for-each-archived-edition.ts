import { archiveOldEdition } from './archive-old-edition.js';
import { NO_PAGE_IMAGES, type PageImages } from './find-page-images.js';
import type { EditionRecord } from '../edition/edition-record.js';
import { readEditionRecord } from './edition-record-store.js';
import { listEditionDates } from '../output/digest-store.js';

/** Reports a problem that publishing survives, e.g. an old edition left out of the archive. */
export type Warn = (message: string) => void;

/**
 * Visits every edition in `digests/`, newest first, as the archive's record, one at a time so the archive is never
 * all in memory. An edition without a record (published before the archive existed) gets one from its briefs; one
 * that cannot be read is left out with a warning. Returns the number of editions visited.
 */
export async function forEachArchivedEdition(
  outputDir: string,
  warn: Warn,
  visit: (record: EditionRecord) => void | Promise<void>,
  images: PageImages = NO_PAGE_IMAGES,
): Promise<number> {
  const dates = (await listEditionDates(outputDir)).reverse();
  let visited = 0;
  for (const date of dates) {
    const record = (await readEditionRecord(outputDir, date)) ?? (await archiveOrSkip(outputDir, date, warn, images));
    if (!record) continue;
    await visit(record);
    visited += 1;
  }
  return visited;
}

// --- internal ---

// A broken old edition costs the archive that edition, never the night's publishing.
async function archiveOrSkip(outputDir: string, date: string, warn: Warn, images: PageImages): Promise<EditionRecord | null> {
  try {
    return await archiveOldEdition(outputDir, date, images);
  } catch (error) {
    warn(`left the edition of ${date} out of the archive and feeds: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
