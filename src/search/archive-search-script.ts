import { SEARCH_FIELDS } from './search-document.js';
import { SEARCH_FOLDER, SEARCH_MANIFEST_GLOBAL, SEARCH_PART_CALLBACK } from './search-manifest.js';

/** A search loads older shards by itself up to this many bytes; past it, the reader asks for them with a button. */
export const SEARCH_AUTOMATIC_BYTES = 500_000;

/**
 * `assets/archive-search.js`: the index page's search box, in the browser. It starts from the manifest alone; a
 * query loads the buckets of the term directory for its terms, then, newest first, only the shards that can hold a
 * match, with `<script>` tags (`fetch` cannot read `file://`). Results are built with DOM text nodes, never HTML
 * strings, so a hostile title stays text. Reads `?q=` so a search can be linked.
 */
export const ARCHIVE_SEARCH_SCRIPT = `(function () {
  'use strict';
  var manifest = window.${SEARCH_MANIFEST_GLOBAL};
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  if (!form || !input || !status || !list || !more) return;
  if (!manifest || typeof MiniSearch !== 'function') {
    status.textContent = 'Search is unavailable: ${SEARCH_FOLDER}/manifest.js or assets/minisearch.js did not load.';
    return;
  }
  var MAX_RESULTS = 50;
  // MiniSearch's fuzzy factor and cap: the term directory is read with the same tolerance as the index.
  var FUZZY = 0.2;
  var MAX_FUZZY = 6;
  var AUTOMATIC_BYTES = ${SEARCH_AUTOMATIC_BYTES};
  // A term of a letter or two starts too many words to be worth narrowing by.
  var MAX_BUCKETS_PER_TERM = 3;
  // Each keystroke would otherwise load the shards of its own half-typed word.
  var TYPING_PAUSE_MS = 150;
  var PROGRESS_MS = 1000;
  var tokenize = MiniSearch.getDefault('tokenize');
  var processTerm = MiniSearch.getDefault('processTerm');
  var index = new MiniSearch({
    idField: 'stem',
    fields: ${JSON.stringify(SEARCH_FIELDS)},
    storeFields: ['title', 'authors', 'date'],
    searchOptions: { boost: { title: 3, authors: 2 }, prefix: true, fuzzy: FUZZY, maxFuzzy: MAX_FUZZY, combineWith: 'AND' }
  });
  var received = {};
  var shardRequests = [];
  var bucketRequests = [];
  var buckets = [];
  var inIndex = [];
  var generation = 0;
  // The search that stopped with older shards left, for the "Search older editions" button.
  var stopped = null;

  window.${SEARCH_PART_CALLBACK} = function (name, content) { received[name] = content; };

  // Runs \`${SEARCH_FOLDER}/<name>.js\` and resolves to what it handed over; rejects with the name when it did not load.
  function load(name) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = '${SEARCH_FOLDER}/' + name + '.js?v=' + encodeURIComponent(manifest.version || '');
      script.onload = function () {
        var content = received[name];
        delete received[name];
        script.remove();
        if (content === undefined) reject(new Error(name)); else resolve(content);
      };
      script.onerror = function () {
        script.remove();
        reject(new Error(name));
      };
      document.head.append(script);
    });
  }

  // One request per part; a failed one is tried again by the next search.
  function once(requests, number, request) {
    if (!requests[number]) {
      requests[number] = request();
      requests[number].catch(function () { requests[number] = undefined; });
    }
    return requests[number];
  }

  function loadShard(number) {
    return once(shardRequests, number, function () {
      return load('documents-' + number).then(function (documents) {
        index.addAll(documents.filter(function (document) { return !index.has(document.stem); }));
        inIndex[number] = true;
      });
    });
  }

  function loadBucket(number) {
    return once(bucketRequests, number, function () {
      return load('terms-' + number).then(function (entries) { buckets[number] = entries; });
    });
  }

  function toTerms(query) {
    return tokenize(query).map(function (term) { return processTerm(term); }).filter(function (term) { return term; });
  }

  // The buckets that may hold a term starting with \`term\`: where it would sort, and each next one whose first term starts with it.
  function bucketsOf(term) {
    var firsts = manifest.termBuckets;
    var low = 0;
    var high = firsts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (firsts[middle] <= term) low = middle; else high = middle - 1;
    }
    var numbers = [];
    for (var number = low; number < firsts.length && (number === low || firsts[number].indexOf(term) === 0); number += 1) numbers.push(number);
    return numbers;
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

  // "0-2,5" marks shards 0, 1, 2 and 5.
  function markShards(marks, encoded) {
    encoded.split(',').forEach(function (range) {
      var ends = range.split('-');
      for (var number = Number(ends[0]); number <= Number(ends[ends.length - 1]); number += 1) marks[number] = true;
    });
  }

  // The shards that can hold a match of every term, newest first. The directory rules a shard out only when a term,
  // as a prefix or within the fuzzy distance, is in none of its briefs (fuzzy matches are looked for among the
  // terms of the same bucket, so a typo in a word's first letters may miss it in a shard not loaded yet).
  function candidateShards(terms) {
    var possible = manifest.shards.map(function () { return terms.length > 0; });
    terms.forEach(function (term) {
      var numbers = bucketsOf(term);
      if (numbers.length > MAX_BUCKETS_PER_TERM) return;
      var distance = Math.min(MAX_FUZZY, Math.round(term.length * FUZZY));
      var holds = [];
      numbers.forEach(function (number) {
        buckets[number].forEach(function (entry) {
          if (entry[0].indexOf(term) === 0 || (distance > 0 && within(term, entry[0], distance))) markShards(holds, entry[1]);
        });
      });
      possible = possible.map(function (can, number) { return can && holds[number] === true; });
    });
    var numbers = [];
    possible.forEach(function (can, number) { if (can) numbers.push(number); });
    return numbers;
  }

  function render(results) {
    list.replaceChildren();
    results.slice(0, MAX_RESULTS).forEach(function (result) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = 'papers/' + encodeURIComponent(result.id) + '.html';
      link.textContent = result.title;
      var details = document.createElement('div');
      details.className = 'muted';
      details.textContent = result.authors + ' · ' + result.date;
      item.append(link, details);
      list.append(item);
    });
  }

  function describeShard(shard) {
    return shard.oldest === shard.newest ? shard.newest : shard.oldest + ' to ' + shard.newest;
  }

  // The status once a search stops: complete, or with older shards left for the button.
  function report(current, query, results, pending) {
    var count = results.length === 0 ? 'No brief matches' : results.length + (results.length === 1 ? ' brief' : ' briefs');
    var best = results.length > MAX_RESULTS ? ', showing the best ' + MAX_RESULTS : '';
    if (pending.length === 0) {
      status.textContent = results.length === 0 ? 'No brief matches.' : count + best;
      return;
    }
    status.textContent = count + ' so far' + best + '; editions from ' + manifest.shards[pending[0]].newest + ' back are not searched yet.';
    stopped = { generation: current, query: query, pending: pending };
    more.hidden = false;
  }

  function fail(current, error) {
    if (current !== generation) return;
    status.textContent = 'Search is unavailable: ${SEARCH_FOLDER}/' + error.message + '.js did not load; reload the page.';
  }

  // Shows what is loaded, then loads the next shard that may match, newest first, until none is left; on its own
  // (automatic) it also stops once a page of results is found or AUTOMATIC_BYTES are spent. Asked to go through
  // every older shard, it searches again only every PROGRESS_MS: a search of a large index costs more than a shard.
  function searchShards(current, query, pending, automatic) {
    var spent = 0;
    var shownAt = 0;
    (function step() {
      if (current !== generation) return;
      var next = pending[0];
      var results = null;
      if (automatic || next === undefined || Date.now() - shownAt >= PROGRESS_MS) {
        results = index.search(query);
        render(results);
        shownAt = Date.now();
      }
      if (next === undefined || (automatic && (results.length >= MAX_RESULTS || (spent > 0 && spent + manifest.shards[next].bytes > AUTOMATIC_BYTES)))) {
        report(current, query, results, pending);
        return;
      }
      status.textContent = 'Searching editions of ' + describeShard(manifest.shards[next]) + '…' + (automatic ? '' : ' (' + pending.length + ' parts of the archive left)');
      loadShard(next).then(function () {
        spent += manifest.shards[next].bytes;
        pending = pending.slice(1);
        step();
      }, function (error) { fail(current, error); });
    })();
  }

  function show(query) {
    generation += 1;
    var current = generation;
    stopped = null;
    more.hidden = true;
    if (query.trim() === '') {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    var terms = toTerms(query);
    var needed = [];
    terms.forEach(function (term) {
      var numbers = bucketsOf(term);
      if (numbers.length <= MAX_BUCKETS_PER_TERM) needed = needed.concat(numbers);
    });
    render(index.search(query));
    status.textContent = 'Searching…';
    Promise.all(needed.map(loadBucket)).then(function () {
      if (current !== generation) return;
      searchShards(current, query, candidateShards(terms).filter(function (number) { return !inIndex[number]; }), true);
    }, function (error) { fail(current, error); });
  }

  var typing;
  input.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(function () { show(input.value); }, TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(typing);
    show(input.value);
  });
  more.addEventListener('click', function () {
    if (!stopped || stopped.generation !== generation) return;
    var search = stopped;
    stopped = null;
    more.hidden = true;
    searchShards(search.generation, search.query, search.pending, false);
  });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) input.value = initial;
  if (input.value) show(input.value);
})();
`;
