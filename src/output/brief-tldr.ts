import type { Brief } from '../brief/brief-schema.js';

/** The brief's one-line takeaway; a brief written before the TLDR existed shows its first point until it is rebriefed. */
export function briefTldr(brief: Pick<Brief, 'tldr' | 'summary'>): string {
  return brief.tldr ?? brief.summary.topicAndDomain;
}
