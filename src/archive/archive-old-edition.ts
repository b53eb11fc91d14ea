import { access } from 'node:fs/promises';
import { getDigestPaths, readEdition } from '../output/digest-store.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { buildEditionRecord, type EditionRecord } from './edition-record.js';
import { writeEditionRecord } from './edition-record-store.js';
import { renderEditionPage } from './render-edition-page.js';
import { getPaperPagePath, writePaperPage } from './write-paper-page.js';

/**
 * Brings an edition published before the archive existed into it, once: its record, its web edition and the pages
 * of its papers that have none yet, so every link of the index and the search resolves. Throws when the edition's
 * index or one of its briefs cannot be read.
 */
export async function archiveOldEdition(outputDir: string, date: string): Promise<EditionRecord> {
  const edition = await readEdition(outputDir, date);
  await writeFileAtomic(getDigestPaths(outputDir, date).html, renderEditionPage(edition));
  for (const { brief } of edition.papers) {
    // A newer edition's page lists more editions than this one knows of: keep it.
    const exists = await access(getPaperPagePath(outputDir, brief)).then(
      () => true,
      () => false,
    );
    if (!exists) await writePaperPage(outputDir, brief, [date]);
  }
  const record = buildEditionRecord(edition);
  await writeEditionRecord(outputDir, record);
  return record;
}
