import { readEpisodeRecord } from '../audio/episode-record-store.js';
import type { Edition } from '../edition/edition.js';
import { readEdition } from '../output/digest-store.js';
import { attachEditionStyle } from './attach-edition-style.js';

/** The stored edition with its texts in its style and its episode, when the day has them, so every page and the email can offer them. */
export async function readEditionWithEpisode(outputDir: string, date: string): Promise<Edition> {
  const edition = await readEdition(outputDir, date);
  return attachEpisode(outputDir, await attachEditionStyle(outputDir, edition, edition.style));
}

export async function attachEpisode(outputDir: string, edition: Edition): Promise<Edition> {
  const record = await readEpisodeRecord(outputDir, edition.date);
  if (record === undefined) return edition;
  return { ...edition, episode: { mp3: record.mp3, durationMs: record.durationMs, chapters: record.chapters } };
}
