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
  /** Papers on the day's list already shown in full in an earlier edition: listed with a link to that brief, not shown again. */
  repeats?: EditionRepeat[];
  /** The day's podcast episode, when one was made: a player on the pages, a link in the email. */
  episode?: EditionEpisode;
}

/** A paper of the day's list shown in full before (Hugging Face lists papers on several days). */
export interface EditionRepeat {
  id: string;
  /** The version whose brief was shown: its page is `papers/<id>v<version>.html`. */
  version: number;
  title: string;
  /** YYYY-MM-DD of the earliest edition that showed it in full. */
  firstShown: string;
}

export interface EditionEpisode {
  /** The MP3, relative to the output folder: `audio/<date>.mp3`. */
  mp3: string;
  durationMs: number;
  chapters: Array<{ title: string; startMs: number; endMs: number; paperId?: string | undefined }>;
}
