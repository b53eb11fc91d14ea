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
}
