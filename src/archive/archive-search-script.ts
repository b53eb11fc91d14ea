import { SEARCH_DATA_GLOBAL } from './create-search-data-writer.js';

/**
 * `assets/archive-search.js`: the index page's search box, in the browser. Results are built with DOM text nodes,
 * never HTML strings, so a hostile title stays text. Reads `?q=` so a search can be linked.
 */
export const ARCHIVE_SEARCH_SCRIPT = `(function () {
  'use strict';
  var data = window.${SEARCH_DATA_GLOBAL};
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!form || !input || !status || !list) return;
  if (!data || typeof MiniSearch !== 'function') {
    status.textContent = 'Search is unavailable: assets/search-data.js or assets/minisearch.js did not load.';
    return;
  }
  var MAX_RESULTS = 50;
  var index = new MiniSearch({
    idField: 'stem',
    fields: ['title', 'authors', 'summary', 'critique'],
    storeFields: ['title', 'authors', 'date'],
    searchOptions: { boost: { title: 3, authors: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' }
  });
  index.addAll(data.documents);

  function show(query) {
    list.replaceChildren();
    if (query.trim() === '') {
      status.textContent = '';
      return;
    }
    var results = index.search(query);
    status.textContent = results.length === 0 ? 'No brief matches.' : results.length + (results.length === 1 ? ' brief' : ' briefs') + (results.length > MAX_RESULTS ? ', showing the best ' + MAX_RESULTS : '');
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

  input.addEventListener('input', function () { show(input.value); });
  form.addEventListener('submit', function (event) { event.preventDefault(); show(input.value); });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) input.value = initial;
  if (input.value) show(input.value);
})();
`;
