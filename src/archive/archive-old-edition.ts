import { access } from 'node:fs/promises';
import { getDigestPaths, readEdition } from '../output/digest-store.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { buildEditionRecord, type EditionRecord } from '../edition/edition-record.js';
import { writeEditionRecord } from './edition-record-store.js';
import { renderEditionPage } from './render-edition-page.js';
import { findEditionImage } from './find-edition-image.js';
import { NO_PAGE_IMAGES, type PageImages } from './find-page-images.js';
import { getPaperPagePath, writePaperPage } from './write-paper-page.js';

/**
 * Brings an edition published before the archive existed into it, once: its record, its web edition and the pages
 * of its papers that have none yet, so every link of the index and the search resolves. Throws when the edition's
 * index or one of its briefs cannot be read.
 */
export async function archiveOldEdition(outputDir: string, date: string, images: PageImages = NO_PAGE_IMAGES): Promise<EditionRecord> {
  const edition = await readEdition(outputDir, date);
  await writeFileAtomic(getDigestPaths(outputDir, date).html, renderEditionPage(edition, { image: await findEditionImage(outputDir, edition, images) }));
  for (const { brief } of edition.papers) {
    // A newer edition's page lists more editions than this one knows of: keep it.
    const exists = await access(getPaperPagePath(outputDir, brief)).then(
      () => true,
      () => false,
    );
    if (!exists) await writePaperPage(outputDir, brief, { editions: [date], images });
  }
  const record = buildEditionRecord(edition);
  await writeEditionRecord(outputDir, record);
  return record;
}
