import type { Edition } from '../edition/edition.js';
import { createFileReaderSendStore } from '../mail/create-file-reader-send-store.js';
import { readDigestIndex } from '../output/digest-store.js';

/**
 * Why this edition must not replace the stored one: readers were already mailed an edition of that day with
 * other papers (the web edition must stay what they got). Undefined when it may be published.
 */
export async function findMailedEditionChange(outputDir: string, edition: Edition): Promise<string | undefined> {
  const states = await createFileReaderSendStore(outputDir, edition.date).read();
  if (!states.some((state) => state.acceptedCopies > 0)) return undefined;
  let storedIds: string[];
  try {
    storedIds = (await readDigestIndex(outputDir, edition.date)).papers.map((paper) => `${paper.id}v${paper.version}`);
  } catch {
    return undefined;
  }
  const ids = edition.papers.map(({ brief }) => `${brief.paper.id}v${brief.paper.version}`);
  if (ids.length === storedIds.length && ids.every((id, index) => id === storedIds[index])) return undefined;
  return `the edition of ${edition.date} was already mailed with ${storedIds.length} papers; it is not rewritten with these ${ids.length}`;
}
