import { readEpisodeRecord } from '../audio/episode-record-store.js';
import type { Edition } from '../edition/edition.js';
import { readEdition } from '../output/digest-store.js';

/** The stored edition with its episode, when the day has one, so every page and the email can offer it. */
export async function readEditionWithEpisode(outputDir: string, date: string): Promise<Edition> {
  return attachEpisode(outputDir, await readEdition(outputDir, date));
}

export async function attachEpisode(outputDir: string, edition: Edition): Promise<Edition> {
  const record = await readEpisodeRecord(outputDir, edition.date);
  if (record === undefined) return edition;
  return { ...edition, episode: { mp3: record.mp3, durationMs: record.durationMs, chapters: record.chapters } };
}
