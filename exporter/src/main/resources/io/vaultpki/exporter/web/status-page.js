(function () {
  'use strict';
  // Every value from the API is hostile text: it is only ever set with textContent, never parsed as HTML.
  var KEY = 'vault-pki-exporter.api-token';
  var API = '/api/v1';
  var REFRESH_MS = 60000;
  var timer = null;
  var LABELS = { 'state': 'State', 'name': 'Name', 'source': 'Source', 'subject': 'Subject',
    'not-after': 'Expires', 'renewal': 'Renewal', 'failures': 'Failures', 'output': 'Output', 'audit': 'Audit',
    'time': 'Time', 'event': 'Event', 'actor': 'Actor',
    'outcome': 'Outcome', 'status': 'Status', 'detail': 'Detail', 'none': 'Events' };
  var $ = function (id) { return document.getElementById(id); };

  function token() { try { return sessionStorage.getItem(KEY) || ''; } catch (e) { return ''; } }
  function setToken(value) { try { sessionStorage.setItem(KEY, value); } catch (e) { /* private mode */ } }
  function forgetToken() { try { sessionStorage.removeItem(KEY); } catch (e) { /* private mode */ } }

  function message(text, state) {
    var m = $('message');
    m.textContent = text;
    m.setAttribute('data-state', state);
  }

  function api(path) {
    return fetch(API + path, {
      method: 'GET', cache: 'no-store', credentials: 'same-origin', redirect: 'error',
      headers: { 'Authorization': 'Bearer ' + token(), 'Accept': 'application/json' }
    }).then(function (r) {
      if (!r.ok) { var e = new Error('HTTP ' + r.status); e.status = r.status; throw e; }
      return r.json();
    });
  }

  function cell(row, field, text) {
    var td = document.createElement('td');
    td.setAttribute('data-field', field);
    // the column's name, shown beside the value on narrow screens (CSS attr())
    td.setAttribute('data-label', LABELS[field] || field);
    td.textContent = text === null || text === undefined || text === '' ? '\u2014' : String(text);
    row.appendChild(td);
    return td;
  }

  /** A second, muted line in a cell (e.g. the time left under the expiry), kept in its own named span. */
  function sub(td, field, text) {
    if (text === null || text === undefined || text === '') { return; }
    var span = document.createElement('span');
    span.className = 'sub';
    span.setAttribute('data-field', field);
    span.textContent = String(text);
    td.appendChild(span);
  }

  function when(iso) {
    if (!iso) { return null; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace(/:\d\dZ$/, 'Z');
  }

  function human(ms) {
    var abs = Math.abs(ms), units = [[86400000, 'day'], [3600000, 'hour'], [60000, 'minute']];
    for (var i = 0; i < units.length; i++) {
      if (abs >= units[i][0]) {
        var n = Math.floor(abs / units[i][0]);
        return n + ' ' + units[i][1] + (n === 1 ? '' : 's');
      }
    }
    return 'less than a minute';
  }

  function timeLeft(notAfter) {
    if (!notAfter) { return null; }
    var ms = new Date(notAfter).getTime() - Date.now();
    return ms < 0 ? 'expired ' + human(ms) + ' ago' : human(ms);
  }

  /** ok, warning (failing or renewal overdue), critical (expired), pending (no certificate yet). */
  function state(c) {
    if (!c.not_after) { return 'pending'; }
    var now = Date.now();
    if (new Date(c.not_after).getTime() <= now) { return 'critical'; }
    if (c.consecutive_failures > 0) { return 'warning'; }
    if (c.renew_at && new Date(c.renew_at).getTime() < now - 3600000) { return 'warning'; }
    return 'ok';
  }

  function badge(parent, st) {
    var span = document.createElement('span');
    span.className = 'badge';
    span.setAttribute('data-state', st);
    span.textContent = st;
    parent.appendChild(span);
  }

  // revoke-previous in words: off, what is pending and when, and how the last revocation ended
  function revocation(r) {
    if (!r) { return null; }
    var parts = [];
    var pending = Array.isArray(r.pending) ? r.pending : [];
    if (pending.length) {
      var next = pending[0].next_attempt || pending[0].due_at;
      parts.push(pending.length + ' pending' + (r.enabled ? ', next ' + when(next) : ' (turned off)'));
    }
    if (r.last_outcome) {
      parts.push('last ' + String(r.last_outcome).replace(/_/g, ' ') + ' ' + (when(r.last_time) || ''));
    }
    if (!parts.length) { return r.enabled ? 'on' : 'off'; }
    return parts.join('; ');
  }

  function renderExports(list) {
    var body = $('exports-body');
    body.replaceChildren();
    list.sort(function (a, b) {
      var x = a.not_after ? new Date(a.not_after).getTime() : -Infinity;
      var y = b.not_after ? new Date(b.not_after).getTime() : -Infinity;
      return x - y || (a.name < b.name ? -1 : 1);
    });
    list.forEach(function (c) {
      var tr = document.createElement('tr');
      var st = state(c);
      tr.setAttribute('data-export', String(c.name));
      tr.setAttribute('data-state', st);
      var s = document.createElement('td');
      s.setAttribute('data-field', 'state');
      s.setAttribute('data-label', LABELS.state);
      badge(s, st);
      tr.appendChild(s);
      cell(tr, 'name', c.name);
      sub(cell(tr, 'source', c.source), 'mount-role', c.role ? c.mount + ' / ' + c.role : c.mount);
      cell(tr, 'subject', c.subject);
      var left = timeLeft(c.not_after);
      sub(cell(tr, 'not-after', when(c.not_after)), 'time-left', left && left.indexOf('expired') !== 0 ? left + ' left' : left);
      var renewal = cell(tr, 'renewal', c.renew_at ? 'next ' + when(c.renew_at) : null);
      sub(renewal, 'last-switch', c.last_switch ? 'switched ' + when(c.last_switch) : null);
      sub(cell(tr, 'failures', c.consecutive_failures), 'last-error', c.last_error);
      var output = cell(tr, 'output', Array.isArray(c.formats) ? c.formats.join(', ') : null);
      sub(output, 'hook', c.hook ? 'hook ' + c.hook : null);
      if (c.renew_window) {
        sub(renewal, 'renew-window', 'window ' + c.renew_window + (c.renew_window_deferred === true ? ', waiting for it' : ''));
      }
      var revoke = revocation(c.revocation);
      if (revoke && revoke !== 'off') { sub(renewal, 'revocation', 'revoke previous: ' + revoke); }
      var a = document.createElement('td');
      a.setAttribute('data-field', 'audit');
      a.setAttribute('data-label', LABELS.audit);
      var button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('data-action', 'audit');
      button.setAttribute('data-export', String(c.name));
      button.textContent = 'Events';
      button.setAttribute('aria-label', 'Audit events of ' + String(c.name));
      a.appendChild(button);
      tr.appendChild(a);
      body.appendChild(tr);
    });
    var count = $('exports-count');
    count.textContent = '(' + list.length + ')';
    count.setAttribute('data-count', String(list.length));
    $('exports').hidden = false;
  }

  function renderVault(v) {
    var st = v.reachable === true ? 'up' : v.reachable === false ? 'down' : 'unknown';
    var el = $('vault-state');
    el.setAttribute('data-state', st);
    el.textContent = st === 'up' ? 'reachable' : st === 'down' ? 'unreachable' : 'not contacted yet';
    var detail = [];
    if (v.reason) { detail.push('reason: ' + v.reason); }
    if (v.since) { detail.push('since ' + when(v.since)); }
    $('vault-detail').textContent = detail.join(', ');
    $('vault').hidden = false;
  }

  function renderAudit(name, events) {
    $('audit-export').textContent = name;
    var body = $('audit-body');
    body.replaceChildren();
    events.forEach(function (e) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-event', String(e.event));
      cell(tr, 'time', when(e.time));
      cell(tr, 'event', e.event);
      cell(tr, 'actor', e.actor ? e.actor.type + ' ' + (e.actor.name || '') : null);
      cell(tr, 'outcome', e.outcome);
      cell(tr, 'status', e.status);
      cell(tr, 'detail', e.detail);
      body.appendChild(tr);
    });
    if (events.length === 0) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-event', 'none');
      var td = cell(tr, 'none', 'No audit events for this export in the recent log.');
      td.colSpan = 6;
      body.appendChild(tr);
    }
    $('audit').hidden = false;
  }

  function clearData() {
    ['exports-body', 'audit-body'].forEach(function (id) { $(id).replaceChildren(); });
    ['vault', 'exports', 'audit'].forEach(function (id) { $(id).hidden = true; });
    $('refresh').hidden = true;
    if (timer) { clearInterval(timer); timer = null; }
  }

  function refused(err) {
    clearData();
    if (err.status === 401) {
      forgetToken();
      message('The token was not accepted (401). Enter a valid API token.', 'error');
    } else if (err.status === 403) {
      message('This token may not read (403): it needs the read scope.', 'error');
    } else if (err.status === 404) {
      message('The API is off on this exporter: no API tokens are configured (404).', 'error');
    } else {
      message('The exporter could not be read: ' + err.message, 'error');
    }
  }

  function load() {
    if (!token()) { clearData(); message('Enter an API token to see the exports.', 'idle'); return; }
    message('Loading\u2026', 'loading');
    Promise.all([api('/certificates'), api('/status')]).then(function (r) {
      renderExports(r[0].certificates || []);
      renderVault((r[1] && r[1].vault) || {});
      $('refresh').hidden = false;
      message('Updated ' + when(new Date().toISOString()) + '.', 'done');
      if (!timer) { timer = setInterval(load, REFRESH_MS); }
    }).catch(refused);
  }

  function showAudit(name) {
    api('/certificates/' + encodeURIComponent(name) + '/audit?limit=20')
      .then(function (r) { renderAudit(name, r.events || []); })
      .catch(refused);
  }

  $('token-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var input = $('token-input');
    setToken(input.value.trim());
    input.value = '';
    load();
  });
  $('token-forget').addEventListener('click', function () {
    forgetToken();
    clearData();
    message('Token forgotten. Enter an API token to see the exports.', 'idle');
  });
  $('refresh').addEventListener('click', load);
  $('exports-body').addEventListener('click', function (e) {
    var target = e.target;
    if (target instanceof HTMLElement && target.getAttribute('data-action') === 'audit') {
      showAudit(target.getAttribute('data-export'));
    }
  });
  load();
}());
