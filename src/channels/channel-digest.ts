import type { Edition } from '../edition/edition.js';
import { resolvePaperLinks, toHttpsBase } from '../mail/resolve-paper-links.js';
import { briefTldr } from '../output/brief-tldr.js';

/** What every channel shows of an edition: the date, "In this issue" (title, TLDR, link), the full edition's link. */
export interface ChannelDigest {
  date: string;
  items: Array<{ title: string; tldr: string; link: string }>;
  /** The web edition; absent without a public https URL. */
  editionUrl?: string;
  /** A day without an edition (SUMMARIZE_NOTIFY_EMPTY): the one line posted instead, with no items. */
  note?: string;
}

export function buildChannelDigest(edition: Edition, publicUrl: string | undefined): ChannelDigest {
  const base = toHttpsBase(publicUrl);
  const items = edition.papers.map(({ brief }) => ({
    title: brief.paper.title.replace(/\s+/g, ' ').trim(),
    tldr: briefTldr(brief).replace(/\s+/g, ' ').trim(),
    link: resolvePaperLinks(brief, publicUrl).title,
  }));
  return { date: edition.date, items, ...(base === undefined ? {} : { editionUrl: `${base}/digests/${edition.date}.html` }) };
}
