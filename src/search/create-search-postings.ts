import { SEARCH_FIELD_BOOSTS, type SearchField } from './search-document.js';
import { SEARCH_NUMBER_MAX_LENGTH, writeSearchNumber } from './search-number-code.js';
import { toSearchTerms } from './to-search-terms.js';

/** BM25's saturation: a word's third use in a field adds far less than its first. */
const TERM_FREQUENCY_SATURATION = 1.2;

/** Weights are kept in quarters: a one-character digit for a single match in any field. */
export const SEARCH_WEIGHT_SCALE = 4;

/** One bucket of the term directory: its first term and its entries as JSON, `[["term","<postings>"], …]`. */
export interface SearchTermBucket {
  first: string;
  json: string;
}

/**
 * Which briefs hold each term, with how much the term weighs in each: a posting list per term, the gap from the
 * previous brief's number and the weight, both as SEARCH_NUMBER_DIGITS. Held in memory as those characters while the
 * archive streams past: about two bytes for each distinct word of a brief.
 */
export interface SearchPostings {
  /** Notes the terms of brief `number`; numbers come in increasing order. */
  add(number: number, fields: Record<SearchField, string>): void;
  /** The directory in term order, cut into buckets of about `bucketBytes` of JSON each; a term is never cut. */
  toBuckets(bucketBytes: number): Generator<SearchTermBucket>;
}

export function createSearchPostings(): SearchPostings {
  const postings = new Map<string, PostingList>();
  return {
    add(number, fields) {
      for (const [term, weight] of weighTerms(fields)) {
        let list = postings.get(term);
        if (list === undefined) {
          list = { codes: new Uint8Array(INITIAL_BYTES), length: 0, last: -1 };
          postings.set(term, list);
        }
        if (list.length + 2 * SEARCH_NUMBER_MAX_LENGTH > list.codes.length) {
          const grown = new Uint8Array(list.codes.length * 2);
          grown.set(list.codes.subarray(0, list.length));
          list.codes = grown;
        }
        list.length = writeSearchNumber(number - list.last, list.codes, list.length);
        list.length = writeSearchNumber(weight, list.codes, list.length);
        list.last = number;
      }
    },
    *toBuckets(bucketBytes) {
      let entries: string[] = [];
      let bytes = 0;
      let first = '';
      // Sorted by UTF-16 code units, as the browser's `<` compares.
      for (const term of [...postings.keys()].sort()) {
        const list = postings.get(term)!;
        const entry = `[${JSON.stringify(term)},"${Buffer.from(list.codes.buffer, list.codes.byteOffset, list.length).toString('latin1')}"]`;
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

// --- internal ---

interface PostingList {
  codes: Uint8Array;
  length: number;
  /** The number of the last brief added; -1 before the first, so the first gap is its number + 1. */
  last: number;
}

const INITIAL_BYTES = 16;

// Each term of a brief with its weight: per field, BM25's saturated term frequency times the field's boost, summed.
// No length normalization (BM25's b = 0): a brief's fields are of about the same length from paper to paper.
function weighTerms(fields: Record<SearchField, string>): Map<string, number> {
  const counts = new Map<string, Record<SearchField, number>>();
  for (const field of Object.keys(SEARCH_FIELD_BOOSTS) as SearchField[]) {
    for (const term of toSearchTerms(fields[field])) {
      let count = counts.get(term);
      if (count === undefined) {
        count = { title: 0, authors: 0, summary: 0, critique: 0 };
        counts.set(term, count);
      }
      count[field] += 1;
    }
  }
  const weights = new Map<string, number>();
  for (const [term, count] of counts) {
    let weight = 0;
    for (const field of Object.keys(SEARCH_FIELD_BOOSTS) as SearchField[]) {
      const frequency = count[field];
      if (frequency > 0) weight += (SEARCH_FIELD_BOOSTS[field] * frequency * (TERM_FREQUENCY_SATURATION + 1)) / (frequency + TERM_FREQUENCY_SATURATION);
    }
    weights.set(term, Math.max(1, Math.round(weight * SEARCH_WEIGHT_SCALE)));
  }
  return weights;
}
