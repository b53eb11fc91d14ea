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
  /** One line per item skipped because it could not be read (an unknown announce type, a malformed ID). */
  warnings: string[];
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

/** Reads an RSS 2.0 announcement feed; an item it cannot read is skipped with a warning naming it, never silently. */
export function parseAnnouncementFeed(xml: string, url: string): AnnouncementFeed {
  // fast-xml-parser reads a cut answer without complaint: a feed cut after its third item would be a 3-paper day.
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg: reason, line } = validation.err;
    throw new SourceError(url, `arXiv's announcement feed ${url} is not well-formed XML (line ${line}: ${reason}); the answer was probably cut short, try again later`);
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
  const warnings: string[] = [];
  items.forEach((item, index) => {
    try {
      papers.push(toAnnouncedPaper(item, index, url));
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      warnings.push(`skipped ${error.message}`);
    }
  });
  return { date: readDay(textOf(channel.pubDate)), papers, description: collapse(textOf(channel.description)), warnings };
}

// --- internal ---

function toAnnouncedPaper(item: Record<string, unknown>, index: number, url: string): AnnouncedPaper {
  const description = textOf(item.description);
  const head = DESCRIPTION_HEAD.exec(description);
  if (!head) throw new SourceError(url, `item ${index + 1} of ${url} has no "arXiv:<id>v<n> Announce Type:" description`);
  let arxivId;
  try {
    arxivId = parseArxivId(head[1]!);
  } catch (error) {
    throw new SourceError(url, `item ${index + 1} of ${url}: ${(error as Error).message}`, { cause: error });
  }
  const announceType = collapse(textOf(item.announce_type)) || head[3]!;
  if (!isAnnounceType(announceType)) throw new SourceError(url, `item ${index + 1} (${arxivId.id}) of ${url} has an unknown announce type ${JSON.stringify(announceType)}`);
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
