import { ARCHIVE_SEARCH_ENGINE } from './archive-search-engine.js';
import { SEARCH_FOLDER, SEARCH_MANIFEST_GLOBAL, SEARCH_PART_CALLBACK } from './search-manifest.js';

/** Results shown at a time; the "Show more" button adds the next page. */
export const SEARCH_PAGE_SIZE = 20;

/**
 * `assets/archive-search.js`: the index page's search box, in the browser. It starts from the manifest alone; a query
 * loads the term directory's buckets of its words (ARCHIVE_SEARCH_ENGINE), counts every match, and loads the titles
 * of one page of results at a time, with `<script>` tags (`fetch` cannot read `file://`). Results are built with DOM
 * text nodes, never HTML strings, so a hostile title stays text. Reads `?q=` so a search can be linked.
 */
export const ARCHIVE_SEARCH_SCRIPT = `(function () {
  'use strict';
  ${ARCHIVE_SEARCH_ENGINE.replaceAll('\n', '\n  ')}
  var manifest = window.${SEARCH_MANIFEST_GLOBAL};
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  if (!form || !input || !status || !list || !more) return;
  if (!manifest || typeof manifest.version !== 'string') {
    status.textContent = 'Search is unavailable: ${SEARCH_FOLDER}/manifest.js did not load.';
    return;
  }
  var PAGE_SIZE = ${SEARCH_PAGE_SIZE};
  // Each keystroke would otherwise load the buckets of its own half-typed word.
  var TYPING_PAUSE_MS = 150;
  var received = {};
  var generation = 0;
  // The search on screen: its results and how many of them are shown.
  var current = null;

  window.${SEARCH_PART_CALLBACK} = function (name, content) { received[name] = content; };

  // Runs \`${SEARCH_FOLDER}/<version>/<name>.js\` and resolves to what it handed over; rejects with the name when it did not load.
  function load(name) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = '${SEARCH_FOLDER}/' + encodeURIComponent(manifest.version) + '/' + name + '.js';
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

  var engine = createArchiveSearch(manifest, load);

  function render(documents) {
    documents.forEach(function (document_) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = 'papers/' + encodeURIComponent(document_.stem) + '.html';
      link.textContent = document_.title;
      var details = document.createElement('div');
      details.className = 'muted';
      details.textContent = document_.authors + ' · ' + document_.date;
      item.append(link, details);
      list.append(item);
    });
  }

  // "3 briefs", with how many are shown while more are left, and the close spellings a misspelt word was taken as.
  function describe(search) {
    var total = search.results.length;
    var count = total === 0 ? 'No brief matches' : total + (total === 1 ? ' brief' : ' briefs');
    var shown = search.shown < total ? ', showing the first ' + search.shown : '';
    var spellings = search.words.filter(function (word) { return word.closeSpellings; }).map(function (word) {
      return '"' + word.word + '" read as ' + word.matches.map(function (match) { return match.term; }).join(', ');
    });
    return count + shown + (spellings.length > 0 ? ' (' + spellings.join('; ') + ')' : '') + (total === 0 ? '.' : '');
  }

  function fail(search, error) {
    if (search.generation !== generation) return;
    status.textContent = 'Search is unavailable: ${SEARCH_FOLDER}/' + manifest.version + '/' + error.message + '.js did not load; reload the page.';
  }

  // Loads and shows the next page of results.
  function showMore(search) {
    var numbers = search.results.slice(search.shown, search.shown + PAGE_SIZE);
    more.disabled = true;
    return engine.documents(numbers).then(function (documents) {
      if (search.generation !== generation) return;
      render(documents);
      search.shown += documents.length;
      status.textContent = describe(search);
      var left = search.results.length - search.shown;
      more.textContent = 'Show ' + Math.min(PAGE_SIZE, left) + ' more';
      more.hidden = left <= 0;
      more.disabled = false;
    }, function (error) {
      more.disabled = false;
      fail(search, error);
    });
  }

  function show(query) {
    generation += 1;
    var search = { generation: generation, results: [], words: [], shown: 0 };
    current = search;
    more.hidden = true;
    if (query.trim() === '') {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    engine.search(query).then(function (found) {
      if (search.generation !== generation) return;
      search.results = found.results;
      search.words = found.words;
      list.replaceChildren();
      return showMore(search);
    }, function (error) { fail(search, error); });
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
    if (current && current.generation === generation && !more.disabled) showMore(current);
  });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) input.value = initial;
  if (input.value) show(input.value);
})();
`;
