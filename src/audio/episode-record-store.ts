import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { type EpisodeRecord, EpisodeRecordSchema } from './episode-record.js';

export function getEpisodePaths(outputDir: string, date: string) {
  const stem = join(outputDir, 'audio', date);
  return { mp3: `${stem}.mp3`, transcript: `${stem}.txt`, captions: `${stem}.vtt`, chapters: `${stem}.chapters.json`, record: `${stem}.json` };
}

export async function writeEpisodeRecord(outputDir: string, record: EpisodeRecord): Promise<void> {
  await writeFileAtomic(getEpisodePaths(outputDir, record.date).record, `${JSON.stringify(record, null, 2)}\n`);
}

/** The day's episode, or undefined when it has none (or its record is damaged: the pages then show no player). */
export async function readEpisodeRecord(outputDir: string, date: string): Promise<EpisodeRecord | undefined> {
  try {
    const parsed = EpisodeRecordSchema.safeParse(JSON.parse(await readFile(getEpisodePaths(outputDir, date).record, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Every episode, newest first, for the feed. */
export async function listEpisodeRecords(outputDir: string): Promise<EpisodeRecord[]> {
  let names: string[];
  try {
    names = await readdir(join(outputDir, 'audio'));
  } catch {
    return [];
  }
  const dates = names.filter((name) => /^\d{4}-\d{2}-\d{2}\.json$/.test(name)).map((name) => name.slice(0, 10));
  const records = await Promise.all(dates.map((date) => readEpisodeRecord(outputDir, date)));
  return records.filter((record): record is EpisodeRecord => record !== undefined).sort((a, b) => b.date.localeCompare(a.date));
}
