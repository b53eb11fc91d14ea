import MiniSearch from 'minisearch';
import { SEARCH_FIELDS, type SearchDocument } from './search-document.js';

/** One bucket of the directory: its first term and its entries as JSON, `[["term","0-2,7"], …]`. */
export interface SearchTermBucket {
  first: string;
  json: string;
}

/**
 * Which shards hold each term, so the browser loads only the shards a query can match. Held in memory while the
 * archive streams past: it grows with the vocabulary, not with the number of editions.
 */
export interface SearchTermDirectory {
  /** Notes the terms of a document of shard `shard`; shards come in increasing order. */
  add(shard: number, document: SearchDocument): void;
  /** The directory in term order, cut into buckets of about `bucketBytes` of JSON each. */
  toBuckets(bucketBytes: number): Generator<SearchTermBucket>;
}

export function createSearchTermDirectory(): SearchTermDirectory {
  const shardsByTerm = new Map<string, number[]>();
  return {
    add(shard, document) {
      for (const field of SEARCH_FIELDS) {
        for (const term of toTerms(document[field])) {
          const shards = shardsByTerm.get(term);
          if (shards === undefined) shardsByTerm.set(term, [shard]);
          else if (shards.at(-1) !== shard) shards.push(shard);
        }
      }
    },
    *toBuckets(bucketBytes) {
      let entries: string[] = [];
      let bytes = 0;
      let first = '';
      // Sorted by UTF-16 code units, as the browser's `<` compares.
      for (const term of [...shardsByTerm.keys()].sort()) {
        const entry = JSON.stringify([term, encodeShardNumbers(shardsByTerm.get(term)!)]);
        if (entries.length === 0) first = term;
        entries.push(entry);
        bytes += Buffer.byteLength(entry) + 1;
        if (bytes >= bucketBytes) {
          yield { first, json: `[${entries.join(',')}]` };
          entries = [];
          bytes = 0;
        }
      }
      if (entries.length > 0) yield { first, json: `[${entries.join(',')}]` };
    },
  };
}

/** `[0, 1, 2, 5, 7, 8]` → `"0-2,5,7-8"`: a term common to every shard costs a few characters, not hundreds. */
export function encodeShardNumbers(shards: readonly number[]): string {
  const ranges: string[] = [];
  for (let start = 0; start < shards.length; ) {
    let end = start;
    while (end + 1 < shards.length && shards[end + 1] === shards[end]! + 1) end += 1;
    ranges.push(end === start ? String(shards[start]) : `${shards[start]}-${shards[end]}`);
    start = end + 1;
  }
  return ranges.join(',');
}

// --- internal ---

// MiniSearch's own defaults, so a term here is exactly a term of the browser's index.
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | null | undefined | false;

function toTerms(text: string): string[] {
  return tokenize(text).flatMap((token) => processTerm(token) || []);
}
