import { XMLParser } from 'fast-xml-parser';
import { PaperMetadataSchema, type PaperMetadata } from '../brief/brief-schema.js';
import { BriefError } from '../errors/brief-error.js';
import { ArxivApiError } from './arxiv-api-error.js';
import { parseArxivId } from './parse-arxiv-id.js';
import { stripControlCharacters } from '../text/strip-control-characters.js';
import { formatArxivId } from './format-arxiv-id.js';
import { previewBody } from '../http/preview-body.js';

/** One page of answers from the arXiv query API. */
export type AtomFeed = { totalResults: number; entries: PaperMetadata[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // ids like 2509.08721 and titles like "1984" must stay strings
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['entry', 'author', 'category', 'link'].includes(name),
});

/**
 * Reads an arXiv API answer into validated metadata; the API's error feed (an entry whose id
 * starts with http://arxiv.org/api/errors) becomes `ArxivApiError` carrying its message.
 */
export function parseAtomFeed(xml: string): AtomFeed {
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch (error) {
    throw new ArxivApiError(`the answer is not XML: ${(error as Error).message}`, { cause: error });
  }
  const feed = asRecord(asRecord(document).feed);
  if (Object.keys(feed).length === 0) throw new ArxivApiError(`the answer is not an Atom feed: "${previewBody(xml)}"`);
  const rawEntries = asArray(feed.entry).map(asRecord);

  const errorEntry = rawEntries.find(isErrorEntry);
  if (errorEntry) throw new ArxivApiError(collapse(textOf(errorEntry.summary)) || 'unknown error');

  const totalResults = Number(textOf(feed.totalResults));
  return {
    totalResults: Number.isFinite(totalResults) && textOf(feed.totalResults) !== '' ? totalResults : rawEntries.length,
    entries: rawEntries.map(toPaperMetadata),
  };
}

// --- internal ---

type XmlRecord = Record<string, unknown>;

function isErrorEntry(entry: XmlRecord): boolean {
  return /^https?:\/\/arxiv\.org\/api\/errors/.test(textOf(entry.id).trim());
}

function toPaperMetadata(entry: XmlRecord): PaperMetadata {
  const entryId = textOf(entry.id).trim();
  let arxivId;
  try {
    arxivId = parseArxivId(entryId);
  } catch (error) {
    if (error instanceof BriefError) throw new ArxivApiError(`an entry has an unexpected id ${JSON.stringify(entryId)}`);
    throw error;
  }
  const version = arxivId.version ?? 1;
  const categories = asArray(entry.category).map((category) => textOf(asRecord(category)['@_term']));
  const candidate = {
    id: arxivId.id,
    version,
    title: collapse(textOf(entry.title)),
    authors: asArray(entry.author).map((author) => collapse(textOf(asRecord(author).name))),
    published: textOf(entry.published).trim(),
    updated: textOf(entry.updated).trim(),
    primaryCategory: textOf(asRecord(entry.primary_category)['@_term']) || categories[0] || '',
    categories,
    abstract: collapse(textOf(entry.summary)),
    absUrl: `https://arxiv.org/abs/${formatArxivId({ id: arxivId.id, version })}`,
    pdfUrl: `https://arxiv.org/pdf/${formatArxivId({ id: arxivId.id, version })}`,
    // The `arxiv:` extras readers judge a paper by; absent when the authors gave none.
    ...optionalText('comment', entry.comment),
    ...optionalText('journalRef', entry.journal_ref),
    ...optionalText('doi', entry.doi),
  };
  const result = PaperMetadataSchema.safeParse(candidate);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ArxivApiError(`the entry for ${arxivId.id} is incomplete (${problems})`, { cause: result.error });
  }
  return result.data;
}

function optionalText<Key extends string>(key: Key, node: unknown): Partial<Record<Key, string>> {
  const text = collapse(textOf(node));
  return text === '' ? {} : ({ [key]: text } as Record<Key, string>);
}

function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (node && typeof node === 'object' && '#text' in node) return textOf((node as XmlRecord)['#text']);
  return '';
}

function asRecord(node: unknown): XmlRecord {
  return node && typeof node === 'object' && !Array.isArray(node) ? (node as XmlRecord) : {};
}

function asArray(node: unknown): unknown[] {
  if (node === undefined || node === null) return [];
  return Array.isArray(node) ? node : [node];
}

// Validated at the boundary: no bidi override or control character reaches a title, an author or an abstract.
function collapse(text: string): string {
  return stripControlCharacters(text).replace(/\s+/g, ' ').trim();
}
