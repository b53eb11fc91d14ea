import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../output/write-file-atomic.js';

/** `archive/published/<date>.json`: what a day was last published from, and the files a reader opens first. */
const PublishRecordSchema = z.object({
  /** `fingerprintDay` of the edition as it was published. */
  fingerprint: z.string(),
  /** The digest, web edition, email edition and index, in that order (stored relative to the output folder). */
  paths: z.array(z.string()),
  /** The day's paper pages. */
  pages: z.array(z.string()),
});

export type PublishRecord = z.infer<typeof PublishRecordSchema>;

/** The record of the day's last publishing, or undefined when there is none or it cannot be read (then the day is published again). */
export async function readPublishRecord(outputDir: string, date: string): Promise<PublishRecord | undefined> {
  try {
    const parsed = PublishRecordSchema.safeParse(JSON.parse(await readFile(getPublishRecordPath(outputDir, date), 'utf8')));
    if (!parsed.success) return undefined;
    const inFolder = (path: string) => join(outputDir, path);
    return { fingerprint: parsed.data.fingerprint, paths: parsed.data.paths.map(inFolder), pages: parsed.data.pages.map(inFolder) };
  } catch {
    return undefined;
  }
}

/** Records a day's publishing once its files are written; paths are stored relative, so the output folder can move. */
export async function writePublishRecord(outputDir: string, date: string, { fingerprint, paths, pages }: PublishRecord): Promise<void> {
  const relativeTo = (path: string) => relative(outputDir, path);
  await writeFileAtomic(getPublishRecordPath(outputDir, date), `${JSON.stringify({ fingerprint, paths: paths.map(relativeTo), pages: pages.map(relativeTo) })}\n`);
}

// --- internal ---

function getPublishRecordPath(outputDir: string, date: string): string {
  return join(outputDir, 'archive', 'published', `${date}.json`);
}
