import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isAnnounceType, type AnnounceType } from './announce-type.js';
import { parseArxivId } from './parse-arxiv-id.js';
import { SourceError } from './source-error.js';

/** One entry of arXiv's announcement list (rss.arxiv.org), as the feed gives it. */
export type AnnouncedPaper = {
  id: string;
  version: number;
  announceType: AnnounceType;
  title: string;
  authors: string;
  categories: string[];
};

/** A day's announcement list: its date (YYYY-MM-DD, arXiv's own day) and its entries in the feed's order. */
export type AnnouncementFeed = {
  /** From the channel's pubDate; null when the feed carries none. */
  date: string | null;
  papers: AnnouncedPaper[];
  /** The channel's description when it has no items: on an error it says what was wrong. */
  description: string;
  /** Items that are no paper we can read (an unknown announce type, a malformed ID), each with why: skipped, not fatal. */
  skipped: string[];
};

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  // IDs such as 2509.08721 must stay strings
  parseTagValue: false,
  isArray: (name) => ['item', 'category'].includes(name),
});

// "arXiv:2509.08721v1 Announce Type: new Abstract: …"
const DESCRIPTION_HEAD = /^\s*arXiv:(\S+?)v(\d+)\s+Announce Type:\s*([\w-]+)/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Reads an RSS 2.0 announcement feed. A feed that is not well-formed (cut short mid-transfer) is an error, never a
 * shorter day; one item it cannot read is skipped with the reason, never the whole feed.
 */
export function parseAnnouncementFeed(xml: string, url: string): AnnouncementFeed {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    throw new SourceError(url, `arXiv's announcement feed ${url} is not well-formed XML (cut short?): ${validation.err.msg} at line ${validation.err.line}; try again later`);
  }
  let document: Record<string, unknown>;
  try {
    document = parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw new SourceError(url, `arXiv's announcement feed ${url} is not XML: ${(error as Error).message}`, { cause: error });
  }
  const channel = (document.rss as Record<string, unknown> | undefined)?.channel as Record<string, unknown> | undefined;
  if (!channel || typeof channel !== 'object') throw new SourceError(url, `arXiv's announcement feed ${url} answered something that is not an RSS 2.0 feed`);
  const items = (channel.item as Array<Record<string, unknown>> | undefined) ?? [];
  const papers: AnnouncedPaper[] = [];
  const skipped: string[] = [];
  items.forEach((item, index) => {
    const read = toAnnouncedPaper(item, index);
    if (typeof read === 'string') skipped.push(read);
    else papers.push(read);
  });
  return { date: readDay(textOf(channel.pubDate)), papers, description: collapse(textOf(channel.description)), skipped };
}

// --- internal ---

// The paper, or why the item is none.
function toAnnouncedPaper(item: Record<string, unknown>, index: number): AnnouncedPaper | string {
  const description = textOf(item.description);
  const head = DESCRIPTION_HEAD.exec(description);
  if (!head) return `item ${index + 1}: no "arXiv:<id>v<n> Announce Type:" description`;
  let arxivId;
  try {
    arxivId = parseArxivId(head[1]!);
  } catch (error) {
    return `item ${index + 1}: ${(error as Error).message}`;
  }
  const announceType = collapse(textOf(item.announce_type)) || head[3]!;
  if (!isAnnounceType(announceType)) return `item ${index + 1} (${arxivId.id}): unknown announce type ${JSON.stringify(announceType)}`;
  return {
    id: arxivId.id,
    version: Number(head[2]),
    announceType,
    title: collapse(textOf(item.title)),
    authors: collapse(textOf(item.creator)),
    categories: ((item.category as unknown[] | undefined) ?? []).map((category) => collapse(textOf(category))),
  };
}

// "Thu, 11 Sep 2025 00:00:00 -0400": the day as written, in arXiv's own time zone, not converted to ours.
function readDay(pubDate: string): string | null {
  const match = /(\d{1,2})\s+([A-Z][a-z]{2})\s+(\d{4})/.exec(pubDate);
  const month = match ? MONTHS.indexOf(match[2]!) + 1 : 0;
  if (!match || month === 0) return null;
  return `${match[3]}-${String(month).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (node && typeof node === 'object' && '#text' in node) return textOf((node as Record<string, unknown>)['#text']);
  return '';
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
