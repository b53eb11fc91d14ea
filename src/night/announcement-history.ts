import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../output/write-file-atomic.js';

// Enough announcements to recognise any copy a feed server serves again (arXiv's own stale copies are days old).
const KEPT = 60;

const HistorySchema = z.object({
  schemaVersion: z.literal(1),
  editions: z.array(z.object({ date: z.string(), ids: z.array(z.string()) })),
});
/** The announcements of one feed (a set of categories) already made into editions, newest last. */
export type AnnouncementHistory = z.infer<typeof HistorySchema>;

/** `announcements/<categories>.json`; a missing or damaged file is an empty history (the feed is then taken as new). */
export async function readAnnouncementHistory(outputDir: string, categories: readonly string[]): Promise<AnnouncementHistory> {
  try {
    return HistorySchema.parse(JSON.parse(await readFile(historyPath(outputDir, categories), 'utf8')));
  } catch {
    return { schemaVersion: 1, editions: [] };
  }
}

/** Pure: why the feed is a stale copy (its date not newer than the newest edition from it, or every paper already in one), or undefined. */
export function findStaleFeed(history: AnnouncementHistory, date: string, ids: readonly string[]): string | undefined {
  const newest = history.editions.at(-1);
  if (newest && date <= newest.date) return `the feed is dated ${date}, not newer than the edition of ${newest.date} made from it`;
  const seen = new Map(history.editions.flatMap((edition) => edition.ids.map((id) => [id, edition.date] as const)));
  if (ids.length > 0 && ids.every((id) => seen.has(id))) return `all ${ids.length} of its papers were in earlier editions (${[...new Set(ids.map((id) => seen.get(id)))].join(', ')})`;
  return undefined;
}

/** Adds an announcement once its edition is published, so a copy of it served again is recognised. */
export async function recordAnnouncement(outputDir: string, categories: readonly string[], date: string, ids: readonly string[]): Promise<void> {
  const history = await readAnnouncementHistory(outputDir, categories);
  const editions = [...history.editions.filter((edition) => edition.date !== date), { date, ids: [...ids] }].sort((left, right) => left.date.localeCompare(right.date)).slice(-KEPT);
  await writeFileAtomic(historyPath(outputDir, categories), `${JSON.stringify({ schemaVersion: 1, editions }, null, 2)}\n`);
}

// --- internal ---

function historyPath(outputDir: string, categories: readonly string[]): string {
  return join(outputDir, 'announcements', `${[...categories].sort().join('+')}.json`);
}
