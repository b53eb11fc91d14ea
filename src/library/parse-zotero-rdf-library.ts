import { XMLParser } from 'fast-xml-parser';
import { findArxivId } from './find-arxiv-id.js';
import type { LibraryItem } from './library-item.js';
import { LibraryFileError } from './library-file-error.js';
import { normalizeAuthorName } from './normalize-author-name.js';
import type { ParsedLibrary } from './parsed-library.js';
import { parseLibraryDate } from './parse-library-date.js';

/**
 * The papers of a Zotero RDF export (Zotero's own format, File → Export Library… → Zotero RDF): each item under
 * `rdf:RDF` with a `dc:title`; attachments, notes and collections are not papers. `dcterms:dateSubmitted` is the
 * day the reader added it. Items come grouped by their kind (articles, then books…), not in the file's order.
 */
export function parseZoteroRdfLibrary(text: string, fileName: string): ParsedLibrary {
  let document: Record<string, unknown>;
  try {
    document = asRecord(parser.parse(text, true));
  } catch (error) {
    throw new LibraryFileError(fileName, `looks like Zotero RDF but is not valid XML (${(error as Error).message.split('\n')[0]})`);
  }
  const root = asRecord(asArray(document.RDF)[0]);
  const nodes = Object.entries(root).filter(([kind]) => !kind.startsWith('@_') && !NOT_PAPERS.has(kind)).flatMap(([, value]) => asArray(value).map(asRecord));
  const items = nodes.map(toLibraryItem);
  const found = items.filter((item): item is LibraryItem => item !== undefined);
  return { items: found, skipped: items.length - found.length };
}

/** Whether the text is Zotero RDF: an `rdf:RDF` root that declares Zotero's namespace. */
export function looksLikeZoteroRdf(start: string): boolean {
  const head = start.slice(0, 4_000);
  return /<rdf:RDF[\s>]/.test(head) && head.includes('http://www.zotero.org/namespaces/export#');
}

// --- internal ---

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // "1984" is a title, not a number.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: () => true,
});

// Top-level nodes that are not papers: files, notes, collections, and the journals and people they point to.
const NOT_PAPERS = new Set(['Attachment', 'Memo', 'Collection', 'Journal', 'Series', 'Organization', 'Person', 'Description', 'URI']);

function toLibraryItem(node: Record<string, unknown>): LibraryItem | undefined {
  const title = textOf(node.title);
  if (title === '') return undefined;
  const persons = asArray(node.authors).flatMap((authors) => findAll(authors, 'Person'));
  return {
    title,
    abstract: textOf(node.abstract),
    authors: persons.map((person) => normalizeAuthorName([textOf(person.surname), textOf(person.givenName)])).filter((name) => name !== ''),
    arxivId: findArxivId([...collectStrings(node.identifier), ...collectStrings(node.description), ...collectStrings(node['@_about'])]),
    addedAt: parseLibraryDate(textOf(node.dateSubmitted) || undefined) ?? parseLibraryDate(textOf(node.date) || undefined),
  };
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

// The first text of an element, its spaces collapsed: `<dc:title>…</dc:title>` parses to ["…"].
function textOf(value: unknown): string {
  return (collectStrings(asArray(value)[0])[0] ?? '').replace(/\s+/g, ' ').trim();
}

function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, child]) => (key.startsWith('@_') && key !== '@_about' && key !== '@_resource' ? [] : collectStrings(child)));
  return [];
}

function findAll(value: unknown, kind: string): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value.flatMap((child) => findAll(child, kind));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === kind ? asArray(child).map(asRecord) : findAll(child, kind)));
}
