import type { Brief } from '../brief/brief-schema.js';
import type { ProseStyleName } from '../brief/style-names.js';
import type { StyleResult } from '../brief/style-result-schema.js';

/** A paper in a day's edition; editions list them in rank order. */
export interface EditionPaper {
  brief: Brief;
  /** Why ranking picked it ("matches: retrieval, long context", "42 upvotes"); absent when the run did not rank. */
  reason?: string;
  /** The paper in the edition's style, when the edition has one and the paper's text in it is stored; else the brief's points are shown. */
  styled?: StyleResult;
}

/** One day's newsletter: what the web edition, the email edition, the digest and the feeds are rendered from. */
export interface Edition {
  /** YYYY-MM-DD: the announcement day (or the day asked for). */
  date: string;
  papers: EditionPaper[];
  /** `--style blurb` (or commentary) first: the edition shows each paper in that style instead of the brief's five points. */
  style?: ProseStyleName;
  /** Papers on the day's list already shown in full in an earlier edition: listed with a link to that brief, not shown again. */
  repeats?: EditionRepeat[];
  /** The day's podcast episode, when one was made: a player on the pages, a link in the email. */
  episode?: EditionEpisode;
  /** BCP 47 tag of its words, for an edition without papers to tell it; else its briefs' language. */
  language?: string;
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
