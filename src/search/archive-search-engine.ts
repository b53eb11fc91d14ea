import { SEARCH_WEIGHT_SCALE } from './create-search-postings.js';
import { SEARCH_NUMBER_DIGITS } from './search-number-code.js';
import { SEARCH_WORD_SEPARATOR } from './to-search-terms.js';

/** A query word also matches the longer words it starts while they sit in at most this many buckets (a letter or two start too many). */
export const SEARCH_PREFIX_BUCKETS = 2;

/**
 * The search itself, as browser JavaScript: `createArchiveSearch(manifest, load)`, where `load(name)` resolves to the
 * content of a part of the search data. `search(query)` loads the term directory's bucket of each word and returns
 * every brief that holds all the words, best first: a word matches itself, the last word also the words it starts,
 * and a word no brief holds matches its close spellings (MiniSearch's fuzzy rule) in its bucket instead.
 * `documents(numbers)` loads what the results show. Scores are BM25's: each term's weight in a brief (from the
 * directory) times its rarity.
 */
export const ARCHIVE_SEARCH_ENGINE = `function createArchiveSearch(manifest, load) {
  'use strict';
  var SEPARATOR = ${String(SEARCH_WORD_SEPARATOR)};
  var MORE_DIGITS = ${JSON.stringify(SEARCH_NUMBER_DIGITS.more)};
  var LAST_DIGITS = ${JSON.stringify(SEARCH_NUMBER_DIGITS.last)};
  var WEIGHT_SCALE = ${SEARCH_WEIGHT_SCALE};
  var PREFIX_BUCKETS = ${SEARCH_PREFIX_BUCKETS};
  // A longer word or a close spelling counts for less than the word itself.
  var LOOSE_MATCH = 0.5;
  // MiniSearch's fuzzy factor and cap: a fifth of a word's letters may differ, at most 6.
  var FUZZY = 0.2;
  var MAX_FUZZY = 6;
  var digitValues = {};
  for (var digit = 0; digit < 32; digit += 1) {
    digitValues[MORE_DIGITS.charCodeAt(digit)] = digit;
    digitValues[LAST_DIGITS.charCodeAt(digit)] = 32 + digit;
  }
  var buckets = [];
  var parts = [];
  var decoded = new Map();

  // One request per part; a failed one is tried again by the next search.
  function once(requests, number, request) {
    if (!requests[number]) {
      requests[number] = request();
      requests[number].catch(function () { requests[number] = undefined; });
    }
    return requests[number];
  }

  function loadBucket(number) {
    return once(buckets, number, function () {
      return load('terms-' + number).then(function (entries) { return { entries: entries, postings: new Map(entries) }; });
    });
  }

  function toWords(query) {
    var words = [];
    query.split(SEPARATOR).forEach(function (word) {
      var term = word.toLowerCase();
      if (term !== '' && words.indexOf(term) < 0) words.push(term);
    });
    return words;
  }

  // The bucket a term sorts into: the last whose first term is not after it.
  function bucketOf(term) {
    var firsts = manifest.termBuckets;
    var low = 0;
    var high = firsts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (firsts[middle] <= term) low = middle; else high = middle - 1;
    }
    return low;
  }

  // The buckets holding the words that start with \`prefix\`: its own, and each next one whose first word starts with it.
  function bucketsStarting(prefix) {
    var numbers = [bucketOf(prefix)];
    while (numbers[numbers.length - 1] + 1 < manifest.termBuckets.length && manifest.termBuckets[numbers[numbers.length - 1] + 1].indexOf(prefix) === 0) numbers.push(numbers[numbers.length - 1] + 1);
    return numbers;
  }

  // A posting list as brief numbers and weights, decoded once per term.
  function decode(term, postings) {
    var known = decoded.get(term);
    if (known) return known;
    var numbers = [];
    var weights = [];
    var value = 0;
    var previous = -1;
    var expectGap = true;
    for (var index = 0; index < postings.length; index += 1) {
      var digitValue = digitValues[postings.charCodeAt(index)];
      value = value * 32 + (digitValue & 31);
      if (digitValue < 32) continue;
      if (expectGap) { previous += value; numbers.push(previous); } else weights.push(value / WEIGHT_SCALE);
      expectGap = !expectGap;
      value = 0;
    }
    known = { numbers: numbers, weights: weights };
    decoded.set(term, known);
    return known;
  }

  // Whether \`a\` and \`b\` are at most \`max\` edits apart (Levenshtein), as MiniSearch's fuzzy match counts.
  function within(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return false;
    var previous = [];
    for (var column = 0; column <= b.length; column += 1) previous.push(column);
    for (var row = 1; row <= a.length; row += 1) {
      var current = [row];
      var smallest = row;
      for (column = 1; column <= b.length; column += 1) {
        current.push(Math.min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + (a[row - 1] === b[column - 1] ? 0 : 1)));
        smallest = Math.min(smallest, current[column]);
      }
      if (smallest > max) return false;
      previous = current;
    }
    return previous[b.length] <= max;
  }

  // The terms a word matches, each with how much it counts, and whether they are close spellings rather than the word.
  function matchWord(word, loaded, isLast) {
    var matches = [];
    var own = loaded[0];
    if (own.postings.has(word)) matches.push({ term: word, factor: 1 });
    if (isLast) {
      loaded.forEach(function (bucket) {
        bucket.entries.forEach(function (entry) { if (entry[0] !== word && entry[0].indexOf(word) === 0) matches.push({ term: entry[0], factor: LOOSE_MATCH }); });
      });
    }
    if (matches.length > 0) return { word: word, matches: matches, closeSpellings: false };
    var distance = Math.min(MAX_FUZZY, Math.round(word.length * FUZZY));
    if (distance > 0) own.entries.forEach(function (entry) { if (within(word, entry[0], distance)) matches.push({ term: entry[0], factor: LOOSE_MATCH }); });
    return { word: word, matches: matches, closeSpellings: matches.length > 0 };
  }

  // Every brief holding all the words, best first (the newer first among equals), with the words as matched.
  function search(query) {
    var words = toWords(query);
    if (words.length === 0 || manifest.termBuckets.length === 0) return Promise.resolve({ results: [], words: [] });
    // The last word, perhaps still being typed, also matches the words it starts, unless they fill too many buckets.
    var prefixes = words.map(function (word, index) { return index === words.length - 1 && bucketsStarting(word).length <= PREFIX_BUCKETS; });
    var wanted = words.map(function (word, index) { return prefixes[index] ? bucketsStarting(word) : [bucketOf(word)]; });
    return Promise.all(wanted.map(function (numbers) { return Promise.all(numbers.map(loadBucket)); })).then(function (loaded) {
      var count = manifest.documents;
      var scores = new Float64Array(count);
      var hits = new Uint16Array(count);
      var best = new Float64Array(count);
      var matched = words.map(function (word, index) {
        var match = matchWord(word, loaded[index], prefixes[index]);
        var touched = [];
        match.matches.forEach(function (candidate) {
          var list = decode(candidate.term, loaded[index].filter(function (bucket) { return bucket.postings.has(candidate.term); })[0].postings.get(candidate.term));
          var rarity = Math.log(1 + (count - list.numbers.length + 0.5) / (list.numbers.length + 0.5));
          for (var position = 0; position < list.numbers.length; position += 1) {
            var number = list.numbers[position];
            var score = rarity * list.weights[position] * candidate.factor;
            if (best[number] === 0) touched.push(number);
            if (score > best[number]) best[number] = score;
          }
        });
        touched.forEach(function (number) {
          scores[number] += best[number];
          hits[number] += 1;
          best[number] = 0;
        });
        return match;
      });
      var results = [];
      if (words.length > 0) for (var number = 0; number < count; number += 1) if (hits[number] === words.length) results.push(number);
      results.sort(function (left, right) { return scores[right] - scores[left] || left - right; });
      return { results: results, words: matched };
    });
  }

  function loadPart(number) {
    return once(parts, number, function () { return load('documents-' + number); });
  }

  // The briefs of these numbers, in that order, as the results show them.
  function documents(numbers) {
    var per = manifest.documentsPerShard;
    return Promise.all(numbers.map(function (number) {
      return loadPart(Math.floor(number / per)).then(function (part) { return part[number % per]; });
    }));
  }

  return { search: search, documents: documents };
}
`;
