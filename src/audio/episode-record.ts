import { z } from 'zod';

/** What is known of a day's episode once it is written: `audio/<date>.json`, read by the feed and the pages. */
export const EpisodeRecordSchema = z.object({
  schemaVersion: z.literal(1),
  date: z.string(),
  title: z.string(),
  /** The MP3 and the transcript, relative to the output folder. */
  mp3: z.string(),
  transcript: z.string(),
  /** The timed transcript (WebVTT) and the chapters (Podcasting 2.0 JSON), relative to the output folder; absent in episodes made before them. */
  captions: z.string().optional(),
  chaptersFile: z.string().optional(),
  bytes: z.number().int().positive(),
  durationMs: z.number().nonnegative(),
  chapters: z.array(z.object({ title: z.string(), startMs: z.number(), endMs: z.number(), paperId: z.string().optional() })),
  engine: z.string(),
  voices: z.record(z.string(), z.string()),
  characters: z.number().int().nonnegative(),
  /** Characters sent to the speech engine when it was made; the rest came from the cache. */
  charactersPaid: z.number().int().nonnegative(),
  /** The segments' model calls and the speech, in USD; null when a price is unknown. */
  cost: z.object({ scriptsUsd: z.number().nullable(), speechUsd: z.number().nullable(), totalUsd: z.number().nullable() }),
  /** BCP 47 tag of the episode's speech; absent in episodes made before it, which were English. */
  language: z.string().optional(),
  createdAt: z.string(),
});
export type EpisodeRecord = z.infer<typeof EpisodeRecordSchema>;
