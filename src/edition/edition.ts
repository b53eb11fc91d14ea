import type { Brief } from '../brief/brief-schema.js';

/** A paper in a day's edition; editions list them in rank order. */
export interface EditionPaper {
  brief: Brief;
  /** Why ranking picked it ("matches: retrieval, long context", "42 upvotes"); absent when the run did not rank. */
  reason?: string;
}

/** One day's newsletter: what the web edition, the email edition, the digest and the feeds are rendered from. */
export interface Edition {
  /** YYYY-MM-DD: the announcement day (or the day asked for). */
  date: string;
  papers: EditionPaper[];
  /** The day's podcast episode, when one was made: a player on the pages, a link in the email. */
  episode?: EditionEpisode;
}

export interface EditionEpisode {
  /** The MP3, relative to the output folder: `audio/<date>.mp3`. */
  mp3: string;
  durationMs: number;
  chapters: Array<{ title: string; startMs: number; endMs: number; paperId?: string | undefined }>;
}
