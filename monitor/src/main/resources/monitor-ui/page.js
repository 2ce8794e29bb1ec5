// The status page's only script: filters, sortable columns and self-refresh. No library, no external request.
(function () {
  'use strict';
  var REFRESH_MS = 30000;
  var sortState = {}; // table id -> {key, dir}

  function byId(id) { return document.getElementById(id); }

  function applyFilters() {
    var engine = byId('filter-engine').value;
    var state = byId('filter-state').value;
    var text = byId('filter-text').value.trim().toLowerCase();
    var items = document.querySelectorAll('#content [data-state][data-engine][data-text]');
    var shown = 0;
    items.forEach(function (el) {
      var ok = (!engine || el.getAttribute('data-engine') === engine)
        && (!state || el.getAttribute('data-state') === state)
        && (!text || el.getAttribute('data-text').indexOf(text) >= 0);
      el.classList.toggle('hidden', !ok);
      if (ok && el.classList.contains('issuer')) { shown++; }
    });
    document.querySelectorAll('#leaf-counts tbody tr, #leaf-table tbody tr').forEach(function (el) {
      el.classList.toggle('hidden', !!engine && el.getAttribute('data-engine') !== engine);
    });
    var count = byId('issuer-count');
    if (count) { count.textContent = String(shown); }
  }

  function cellValue(row, index, type) {
    var cell = row.children[index];
    var v = cell ? (cell.getAttribute('data-value') || cell.textContent) : '';
    if (type === 'number') { return v === '' ? Number.POSITIVE_INFINITY : Number(v); }
    return v.toLowerCase();
  }

  function sortTable(table, key, dir) {
    var headers = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var index = headers.findIndex(function (th) { return th.getAttribute('data-key') === key; });
    if (index < 0) { return; }
    var type = headers[index].getAttribute('data-type');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index, type), y = cellValue(b, index, type);
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    headers.forEach(function (th, i) {
      if (i === index) { th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending'); }
      else { th.removeAttribute('aria-sort'); }
    });
  }

  function wireSorting() {
    document.querySelectorAll('table.sortable').forEach(function (table, n) {
      var id = table.id || ('table-' + n);
      table.querySelectorAll('thead th[data-key] button.sort').forEach(function (button) {
        button.addEventListener('click', function () {
          var key = button.parentElement.getAttribute('data-key');
          var current = sortState[id];
          var dir = current && current.key === key ? -current.dir : 1;
          sortState[id] = { key: key, dir: dir };
          sortTable(table, key, dir);
        });
      });
      var kept = sortState[id];
      if (kept) { sortTable(table, kept.key, kept.dir); }
    });
  }

  function refresh() {
    return fetch(window.location.href, { headers: { 'Accept': 'text/html' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        ['content-head', 'content'].forEach(function (id) {
          byId(id).replaceWith(document.adoptNode(doc.getElementById(id)));
        });
        document.title = 'vault-pki-monitor: ' + byId('overall-state').getAttribute('data-state');
        wireSorting();
        applyFilters();
        byId('refresh-note').textContent = '';
      })
      .catch(function (e) {
        byId('refresh-note').textContent = '(last self-refresh failed: ' + e.message + ')';
      });
  }

  // the filters apply as they change; Enter in the search box must not submit (and reload) the page
  byId('filters').addEventListener('submit', function (event) { event.preventDefault(); });

  ['filter-engine', 'filter-state', 'filter-text'].forEach(function (id) {
    byId(id).addEventListener('input', applyFilters);
    byId(id).addEventListener('change', applyFilters);
  });
  wireSorting();
  applyFilters();
  window.setInterval(refresh, REFRESH_MS);
  // for the browser tests: run the self-refresh now instead of waiting for the interval
  window.vaultPkiStatusPage = { refresh: refresh };
}());
