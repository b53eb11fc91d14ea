import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readEdition } from '../output/digest-store.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { buildEditionRecord, type EditionRecord, EditionRecordSchema } from './edition-record.js';

/** Reports a problem that publishing survives, e.g. an old edition left out of the archive. */
export type Warn = (message: string) => void;

/** `archive/editions/<date>.json` under the output folder. */
export function getEditionRecordPath(outputDir: string, date: string): string {
  return join(outputDir, 'archive', 'editions', `${date}.json`);
}

export async function writeEditionRecord(outputDir: string, record: EditionRecord): Promise<void> {
  await writeFileAtomic(getEditionRecordPath(outputDir, record.date), `${JSON.stringify(record)}\n`);
}

/**
 * Visits every edition in `digests/`, newest first, as the archive's record, one at a time so the archive is never
 * all in memory. An edition without a record (published before the archive existed) gets one from its briefs; one
 * that cannot be read is left out with a warning. Returns the number of editions visited.
 */
export async function forEachArchivedEdition(outputDir: string, warn: Warn, visit: (record: EditionRecord) => void): Promise<number> {
  const dates = (await readdir(join(outputDir, 'digests')).catch(() => [] as string[]))
    .filter((name) => DIGEST_INDEX_NAME.test(name))
    .map((name) => name.slice(0, 10))
    .sort()
    .reverse();
  let visited = 0;
  for (const date of dates) {
    const record = (await readEditionRecord(outputDir, date)) ?? (await rebuildEditionRecord(outputDir, date, warn));
    if (!record) continue;
    visit(record);
    visited += 1;
  }
  return visited;
}

// --- internal ---

const DIGEST_INDEX_NAME = /^\d{4}-\d{2}-\d{2}\.json$/;

async function readEditionRecord(outputDir: string, date: string): Promise<EditionRecord | null> {
  try {
    const parsed = EditionRecordSchema.safeParse(JSON.parse(await readFile(getEditionRecordPath(outputDir, date), 'utf8')));
    return parsed.success && parsed.data.date === date ? parsed.data : null;
  } catch {
    return null;
  }
}

// A broken old edition costs the archive that edition, never the night's publishing.
async function rebuildEditionRecord(outputDir: string, date: string, warn: Warn): Promise<EditionRecord | null> {
  try {
    const record = buildEditionRecord(await readEdition(outputDir, date));
    await writeEditionRecord(outputDir, record);
    return record;
  } catch (error) {
    warn(`left the edition of ${date} out of the archive and feeds: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
