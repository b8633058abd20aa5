// report.js — the script of report.html: the snapshot viewer (time slider, diagram drawn from
// the series layout, hover boxes with evidence and actor figures), sortable tables and links.
// Data come from <script type="application/json"> elements; input text reaches the page only
// through textContent and setAttribute, never as markup.
(function () {
  'use strict';
  var SVGNS = 'http://www.w3.org/2000/svg';
  var $ = function (id) { return document.getElementById(id); };
  var meta = JSON.parse($('meta0').textContent);
  var F = {};
  ['node', 'tie', 'evidence'].forEach(function (kind) {
    F[kind] = {};
    meta.fields[kind].forEach(function (k, i) { F[kind][k] = i; });
  });
  var N = meta.snapshots.length;
  var cache = {}, cached = [];
  var current = -1, timer = null;

  function snapshot(i) {
    if (!cache[i]) {
      cache[i] = JSON.parse($('snap-' + i).textContent);
      cached.push(i);
      if (cached.length > 12) { delete cache[cached.shift()]; }
    }
    return cache[i];
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function fmt(v, digits) {
    if (v === null || v === undefined || (typeof v === 'number' && !isFinite(v))) { return '–'; }
    if (typeof v !== 'number') { return String(v); }
    if (Number.isInteger(v)) { return String(v); }
    return String(parseFloat(v.toFixed(digits === undefined ? 3 : digits)));
  }
  function signed(v) { return (v > 0 ? '+' : '') + fmt(v, Math.abs(v) >= 10 ? 1 : 2); }
  function actorName(a) { return meta.names[a] || meta.ids[a]; }
  function actorLabel(a) {
    return meta.names[a] && meta.names[a] !== meta.ids[a] ? meta.names[a] + ' (' + meta.ids[a] + ')' : meta.ids[a];
  }
  function colourClass(s, g) {
    var grp = g >= 0 ? s.groups[g] : null;
    return 'c' + (grp && grp.colour >= 0 ? grp.colour : 'x');
  }
  function arrow(s) { return meta.snapshots[current].directed ? ' → ' : ' – '; }

  // ---- the hover box
  var tip = $('tip');
  function showTip(ev, build) {
    tip.textContent = '';
    build(tip);
    tip.hidden = false;
    var x = ev.clientX + 14, y = ev.clientY + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 8) { x = Math.max(8, ev.clientX - w - 14); }
    if (y + h > window.innerHeight - 8) { y = Math.max(8, ev.clientY - h - 14); }
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }
  function hideTip() { tip.hidden = true; }

  function evidenceItem(e) {
    var li = el('li');
    var bits = [];
    var E = F.evidence;
    if (e[E.cue]) { bits.push('cue “' + e[E.cue] + '”'); }
    if (e[E.cameo]) { bits.push('CAMEO ' + e[E.cameo]); }
    if (typeof e[E.weight] === 'number') { bits.push('weight ' + signed(e[E.weight])); }
    if (typeof e[E.confidence] === 'number') { bits.push('confidence ' + fmt(e[E.confidence], 2)); }
    if (e[E.doc]) { bits.push('document ' + e[E.doc]); }
    if (e[E.date]) { bits.push(e[E.date]); }
    li.appendChild(el('span', { 'class': 'ev-meta' }, bits.join(' · ')));
    if (e[E.text]) { li.appendChild(el('q', { 'class': 'ev-text' }, e[E.text])); }
    if (e[E.note]) { li.appendChild(el('span', { 'class': 'ev-note' }, e[E.note])); }
    return li;
  }

  function tieBox(s, t) {
    return function (box) {
      var T = F.tie;
      box.appendChild(el('strong', null, actorName(t[T.source]) + arrow(s) + actorName(t[T.target])));
      var line = 'weight ' + signed(t[T.weight]) + (t[T.relation] ? ' · ' + t[T.relation] : '') +
        ' · ' + t[T.events] + (t[T.events] === 1 ? ' event' : ' events');
      if (typeof t[T.confidence] === 'number') { line += ' · confidence ' + fmt(t[T.confidence], 2); }
      box.appendChild(el('div', null, line));
      var ev = t[T.evidence] || [];
      if (ev.length) {
        var ul = el('ul', { 'class': 'evidence' });
        ev.forEach(function (e) { ul.appendChild(evidenceItem(e)); });
        box.appendChild(ul);
        if (t[T.evidence_count] > ev.length) {
          box.appendChild(el('div', { 'class': 'more' }, (t[T.evidence_count] - ev.length) + ' more evidence spans in the graph file'));
        }
      } else {
        box.appendChild(el('div', { 'class': 'more' }, 'no evidence spans recorded'));
      }
    };
  }

  var nodeLabels = {
    degree: 'partners', strength_pos: 'strength +', strength_neg: 'strength −', pagerank: 'PageRank (+)',
    betweenness: 'betweenness (+)', harmonic: 'harmonic (+)', pn: 'PN', alignment: 'alignment',
    profile_alignment: 'profile alignment'
  };
  var nodeKeys = Object.keys(nodeLabels);

  function nodeBox(s, n) {
    return function (box) {
      var V = F.node;
      box.appendChild(el('strong', null, actorLabel(n[V.actor])));
      var g = n[V.group];
      box.appendChild(el('div', null, g >= 0 ? s.groups[g].label : (s.mode === 'blocs' ? 'in neither bloc' : 'in no group')));
      var dl = el('dl', { 'class': 'figs' });
      nodeKeys.forEach(function (k) {
        if (s.mode !== 'blocs' && /alignment$/.test(k)) { return; }
        dl.appendChild(el('dt', null, nodeLabels[k]));
        dl.appendChild(el('dd', null, fmt(n[V[k]])));
      });
      box.appendChild(dl);
    };
  }

  // ---- the diagram
  var bounds = (function () {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    meta.x.forEach(function (x, i) {
      x0 = Math.min(x0, x); x1 = Math.max(x1, x);
      y0 = Math.min(y0, meta.y[i]); y1 = Math.max(y1, meta.y[i]);
    });
    if (!isFinite(x0)) { return { x: 0, y: 0, w: 100, h: 100 }; }
    var pad = 40;
    return { x: x0 - pad, y: y0 - pad, w: Math.max(x1 - x0, 1) + 2 * pad, h: Math.max(y1 - y0, 1) + 2 * pad };
  })();
  // Graphviz's y grows upwards; the screen's downwards.
  function px(a) { return meta.x[a]; }
  function py(a) { return bounds.y + bounds.h - (meta.y[a] - bounds.y); }

  function markers(root) {
    var defs = svg('defs');
    ['pos', 'neg'].forEach(function (k) {
      var m = svg('marker', { id: 'arrow-' + k, viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '5', markerHeight: '5', orient: 'auto-start-reverse' });
      m.appendChild(svg('path', { d: 'M0,0 L10,5 L0,10 z', 'class': 'arrow ' + k }));
      defs.appendChild(m);
    });
    root.appendChild(defs);
  }

  function draw(s) {
    var root = $('diagram');
    root.textContent = '';
    root.setAttribute('viewBox', [bounds.x, bounds.y, bounds.w, bounds.h].join(' '));
    markers(root);
    var V = F.node, T = F.tie;
    var radius = {}, maxS = 0, maxW = 0;
    s.nodes.forEach(function (n) { maxS = Math.max(maxS, (n[V.strength_pos] || 0) - (n[V.strength_neg] || 0)); });
    s.ties.forEach(function (t) { maxW = Math.max(maxW, Math.abs(t[T.weight])); });
    var scale = Math.max(bounds.w, bounds.h) / 700;
    s.nodes.forEach(function (n) {
      var st = (n[V.strength_pos] || 0) - (n[V.strength_neg] || 0);
      radius[n[V.actor]] = scale * (5 + 13 * Math.sqrt(maxS > 0 ? st / maxS : 0));
    });
    var ties = svg('g', { 'class': 'ties' }), nodes = svg('g', { 'class': 'nodes' });
    var directed = meta.snapshots[current].directed;
    s.ties.forEach(function (t) {
      var a = t[T.source], b = t[T.target];
      var x1 = px(a), y1 = py(a), x2 = px(b), y2 = py(b);
      var dx = x2 - x1, dy = y2 - y1, len = Math.sqrt(dx * dx + dy * dy) || 1;
      var ra = radius[a] || 0, rb = (radius[b] || 0) + (directed ? 2 * scale : 0);
      var sx = x1 + dx * ra / len, sy = y1 + dy * ra / len, ex = x2 - dx * rb / len, ey = y2 - dy * rb / len;
      var bend = directed ? 0.12 * len : 0;
      var cx = (sx + ex) / 2 - dy / len * bend, cy = (sy + ey) / 2 + dx / len * bend;
      var d = 'M' + sx.toFixed(1) + ',' + sy.toFixed(1) + ' Q' + cx.toFixed(1) + ',' + cy.toFixed(1) + ' ' + ex.toFixed(1) + ',' + ey.toFixed(1);
      var kind = t[T.weight] < 0 ? 'neg' : t[T.weight] > 0 ? 'pos' : 'zero';
      var attrs = { d: d, 'class': 'tie ' + kind, 'stroke-width': (scale * (0.8 + 5 * Math.abs(t[T.weight]) / (maxW || 1))).toFixed(2) };
      if (directed && kind !== 'zero') { attrs['marker-end'] = 'url(#arrow-' + kind + ')'; }
      ties.appendChild(svg('path', attrs));
      var hit = svg('path', { d: d, 'class': 'hit', 'stroke-width': (10 * scale).toFixed(1), 'data-tie': meta.ids[a] + '>' + meta.ids[b] });
      hit.addEventListener('mousemove', function (ev) { showTip(ev, tieBox(s, t)); });
      hit.addEventListener('mouseleave', hideTip);
      ties.appendChild(hit);
    });
    s.nodes.forEach(function (n) {
      var a = n[V.actor];
      var g = svg('g', { 'class': 'node ' + colourClass(s, n[V.group]), 'data-id': meta.ids[a] });
      g.appendChild(svg('circle', { cx: px(a).toFixed(1), cy: py(a).toFixed(1), r: radius[a].toFixed(1) }));
      var label = svg('text', { x: px(a).toFixed(1), y: (py(a) + radius[a] + 11 * scale).toFixed(1), 'font-size': (11 * scale).toFixed(1) });
      label.textContent = meta.ids[a];
      g.appendChild(label);
      g.addEventListener('mousemove', function (ev) { showTip(ev, nodeBox(s, n)); });
      g.addEventListener('mouseleave', hideTip);
      nodes.appendChild(g);
    });
    root.appendChild(ties);
    root.appendChild(nodes);
  }

  function legend(s) {
    var box = $('legend');
    box.textContent = '';
    box.appendChild(el('strong', null, s.mode === 'blocs' ? 'Opposing blocs' : s.mode === 'communities' ? 'Communities of cooperation' : 'No ties'));
    var ul = el('ul');
    s.groups.forEach(function (g) {
      if (g.colour < 0) { return; }
      var li = el('li');
      li.appendChild(el('span', { 'class': 'sw c' + g.colour }));
      li.appendChild(document.createTextNode(g.label + ' (' + g.n + ')'));
      ul.appendChild(li);
    });
    var other = el('li');
    other.appendChild(el('span', { 'class': 'sw cx' }));
    other.appendChild(document.createTextNode(s.mode === 'blocs' ? 'in neither bloc' : 'alone'));
    ul.appendChild(other);
    box.appendChild(ul);
    var ties = el('p', { 'class': 'tie-legend' });
    ties.appendChild(el('span', { 'class': 'line pos' }));
    ties.appendChild(document.createTextNode(' cooperation '));
    ties.appendChild(el('span', { 'class': 'line neg' }));
    ties.appendChild(document.createTextNode(' conflict; width: |weight|; circle area: strength. Hover for evidence and figures.'));
    box.appendChild(ties);
  }

  // ---- tables
  function table(id, head, rows) {
    var t = $(id);
    t.textContent = '';
    var thead = el('thead'), tr = el('tr');
    head.forEach(function (h) { tr.appendChild(el('th', null, h)); });
    thead.appendChild(tr);
    var tbody = el('tbody');
    rows.forEach(function (r) {
      var row = el('tr');
      r.forEach(function (c) {
        if (c instanceof Node) { var td = el('td'); td.appendChild(c); row.appendChild(td); } else {
          var cell = el('td', null, typeof c === 'number' ? fmt(c) : c === null ? '–' : c);
          if (typeof c === 'number') { cell.setAttribute('data-v', String(c)); }
          row.appendChild(cell);
        }
      });
      tbody.appendChild(row);
    });
    t.appendChild(thead);
    t.appendChild(tbody);
  }

  function swatch(s, g) {
    var span = el('span');
    span.appendChild(el('span', { 'class': 'sw ' + colourClass(s, g) }));
    span.appendChild(document.createTextNode(g >= 0 ? s.groups[g].label : (s.mode === 'blocs' ? 'neither bloc' : '–')));
    return span;
  }

  function evidenceCell(t) {
    var T = F.tie, ev = t[T.evidence] || [];
    if (!ev.length) { return '–'; }
    var ul = el('ul', { 'class': 'evidence' });
    ev.forEach(function (e) { ul.appendChild(evidenceItem(e)); });
    if (t[T.evidence_count] > ev.length) { ul.appendChild(el('li', { 'class': 'more' }, '+' + (t[T.evidence_count] - ev.length) + ' more')); }
    return ul;
  }

  var figureRows = [
    ['density', 'Density', 'density'],
    ['split_modularity', 'Signed modularity of the split shown', 'signed-modularity'],
    ['frustration', 'Frustration index (ties against the two-bloc split)', 'frustration'],
    ['balanced_triangles', 'Balanced triangles (share)', 'balanced-triangles'],
    ['walk_balance', 'Walk balance K', 'walk-balance'],
    ['polarization', 'Polarization', 'polarization'],
    ['bloc_fit', 'Bloc fit', 'bloc-fit'],
    ['leiden_modularity', 'Modularity of the Leiden communities (cooperative ties)', 'modularity'],
    ['leiden_signed_modularity', 'Signed modularity of the Leiden communities', 'signed-modularity']
  ];

  function tables(s) {
    var V = F.node, T = F.tie;
    var findings = $('snap-findings');
    findings.textContent = '';
    (s.findings || []).forEach(function (f) {
      var li = el('li', null, f.text + ' ');
      li.appendChild(el('a', { href: '#t-' + f.table }, 'table'));
      findings.appendChild(li);
    });
    $('split-note').textContent = s.mode === 'blocs'
      ? 'One split for the whole page: the two opposing blocs of the frustration bipartition (the same split the balance and alignment figures use). Actors whose ties never reach a conflict are in neither bloc.'
      : s.mode === 'communities'
        ? 'No opposing blocs (' + s.reason + '). The colours show the Leiden communities of cooperative ties.'
        : 'No ties.';
    table('t-groups', ['group', 'lead actor', 'members'], s.groups.map(function (g, k) {
      return [swatch(s, k), actorNameById(g.lead), g.n];
    }));
    var fig = s.figures || {};
    table('t-figures', ['figure', 'value', 'defined in'], figureRows.map(function (r) {
      var a = el('a', { href: '#g-' + r[2] }, 'glossary');
      var v = fig[r[0]];
      if (s.mode !== 'blocs' && /^(polarization|bloc_fit)$/.test(r[0])) { v = '– (no opposing blocs)'; }
      if (r[0] === 'frustration' && fig.frustration_exact === false) { v = fmt(v) + ' (heuristic)'; }
      return [r[1], v === undefined ? null : v, a];
    }));
    table('t-actors', ['actor', 'group'].concat(nodeKeys.map(function (k) { return nodeLabels[k]; })),
      s.nodes.map(function (n) {
        return [actorLabel(n[V.actor]), swatch(s, n[V.group])].concat(nodeKeys.map(function (k) {
          return s.mode !== 'blocs' && /alignment$/.test(k) ? '–' : n[V[k]];
        }));
      }));
    var ties = s.ties.slice().sort(function (a, b) { return Math.abs(b[T.weight]) - Math.abs(a[T.weight]); });
    table('t-ties', ['source', 'target', 'weight', 'relation', 'events', 'confidence', 'evidence'],
      ties.map(function (t) {
        return [actorName(t[T.source]), actorName(t[T.target]), t[T.weight], t[T.relation] || '–', t[T.events],
          typeof t[T.confidence] === 'number' ? t[T.confidence] : '–', evidenceCell(t)];
      }));
  }

  function actorNameById(id) {
    var i = meta.ids.indexOf(id);
    return i >= 0 ? actorLabel(i) : id;
  }

  function sortBy(th) {
    var tbl = th.closest('table'), body = tbl.tBodies[0];
    if (!body) { return; }
    var col = Array.prototype.indexOf.call(th.parentNode.children, th);
    var dir = th.getAttribute('data-dir') === 'desc' ? 'asc' : 'desc';
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute('data-dir'); });
    th.setAttribute('data-dir', dir);
    var rows = Array.prototype.slice.call(body.rows);
    function key(r) {
      var c = r.cells[col];
      if (!c) { return ''; }
      var v = c.getAttribute('data-v');
      if (v !== null) { return parseFloat(v); }
      var n = parseFloat(c.textContent);
      return /^[-+−]?[0-9.]+$/.test(c.textContent.trim()) ? n : c.textContent;
    }
    rows.sort(function (a, b) {
      var x = key(a), y = key(b), r;
      if (typeof x === 'number' && typeof y === 'number') { r = x - y; } else { r = String(x).localeCompare(String(y)); }
      return dir === 'asc' ? r : -r;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  document.addEventListener('click', function (ev) {
    var th = ev.target.closest && ev.target.closest('table.sortable th');
    if (th) { sortBy(th); }
  });

  // ---- the slider
  var slider = $('slider');
  slider.max = String(Math.max(N - 1, 0));
  function show(i) {
    if (N === 0) { return; }
    i = Math.max(0, Math.min(N - 1, i));
    current = i;
    var s = snapshot(i), m = meta.snapshots[i];
    slider.value = String(i);
    $('snap-label').textContent = (i + 1) + ' / ' + N + ': ' + (m.name || m.stem) + (m.date ? ' (' + m.date + ')' : '');
    draw(s);
    legend(s);
    tables(s);
    Array.prototype.forEach.call(document.querySelectorAll('#t-glance tbody tr'), function (r) {
      r.classList.toggle('current', r.getAttribute('data-snap') === String(i));
    });
    if (history.replaceState) { history.replaceState(null, '', '#s=' + encodeURIComponent(m.stem)); }
  }
  function fromHash() {
    var h = decodeURIComponent(location.hash.slice(1));
    if (h.indexOf('s=') !== 0) { return false; }
    var stem = h.slice(2);
    for (var i = 0; i < N; i++) {
      if (meta.snapshots[i].stem === stem) { show(i); return true; }
    }
    return false;
  }
  slider.addEventListener('input', function () { show(parseInt(slider.value, 10)); });
  $('prev').addEventListener('click', function () { show(current - 1); });
  $('next').addEventListener('click', function () { show(current + 1); });
  $('play').addEventListener('click', function () {
    if (timer) { clearInterval(timer); timer = null; $('play').textContent = 'play'; return; }
    $('play').textContent = 'pause';
    if (current >= N - 1) { show(0); }
    timer = setInterval(function () {
      if (current >= N - 1) { clearInterval(timer); timer = null; $('play').textContent = 'play'; return; }
      show(current + 1);
    }, N > 50 ? 400 : 1500);
  });
  window.addEventListener('hashchange', function () {
    if (fromHash()) { $('snapshot').scrollIntoView(); }
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.target === slider || /INPUT|TEXTAREA/.test(ev.target.tagName)) { return; }
    if (ev.key === 'ArrowLeft') { show(current - 1); }
    if (ev.key === 'ArrowRight') { show(current + 1); }
  });
  if (!fromHash()) { show(0); }
})();
