import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { type EditionRecord, EditionRecordSchema } from '../edition/edition-record.js';

/** `archive/editions/<date>.json` under the output folder. */
export function getEditionRecordPath(outputDir: string, date: string): string {
  return join(outputDir, 'archive', 'editions', `${date}.json`);
}

export async function writeEditionRecord(outputDir: string, record: EditionRecord): Promise<void> {
  await writeFileAtomic(getEditionRecordPath(outputDir, record.date), `${JSON.stringify(record)}\n`);
}

/** The stored record of a day's edition, or null when there is none or it is not one (then it is made again). */
export async function readEditionRecord(outputDir: string, date: string): Promise<EditionRecord | null> {
  try {
    const parsed = EditionRecordSchema.safeParse(JSON.parse(await readFile(getEditionRecordPath(outputDir, date), 'utf8')));
    return parsed.success && parsed.data.date === date ? parsed.data : null;
  } catch {
    return null;
  }
}
