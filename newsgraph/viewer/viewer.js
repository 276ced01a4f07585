/* newsgraph viewer: SVG rendering of a precomputed layout, search, filters, details panel.
   Every string from the data goes into the page through textContent or setAttribute only,
   never parsed as markup: article text is untrusted. */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var WORLD = 1000;
  var data = JSON.parse(document.getElementById("newsgraph-data").textContent);
  var nodes = data.nodes;
  var edges = data.edges;
  var typeColor = {};
  var relationColor = {};
  var state = {
    selected: -1,
    query: "",
    hiddenRelations: {},
    hiddenTypes: {},
    scale: 1,
    tx: 0,
    ty: 0
  };

  data.types.forEach(function (t) { typeColor[t.name] = t.color; });
  data.relations.forEach(function (r) { relationColor[r.name] = r.color; });
  nodes.forEach(function (n) { n.edgeIndexes = []; });
  edges.forEach(function (e, i) {
    nodes[e.source].edgeIndexes.push(i);
    if (e.target !== e.source) { nodes[e.target].edgeIndexes.push(i); }
  });

  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  function fold(text) { return String(text).toLocaleLowerCase(); }

  function plural(n, word, many) { return n + " " + (n === 1 ? word : many || word + "s"); }

  /* Layout: fit the stored positions into a WORLD x WORLD square (y up, as in Gephi). */
  (function normalise() {
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    nodes.forEach(function (n) {
      minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x);
      minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y);
    });
    var span = Math.max(maxX - minX, maxY - minY) || 1;
    nodes.forEach(function (n) {
      n.px = nodes.length === 1 ? WORLD / 2 : ((n.x - minX) / span) * WORLD;
      n.py = nodes.length === 1 ? WORLD / 2 : WORLD - ((n.y - minY) / span) * WORLD;
      n.r = 3 + n.size * 0.45;
    });
  }());

  /* Drawing */
  var root = $("graph");
  var defs = svg("defs");
  var viewport = svg("g", { id: "viewport" });
  var edgeLayer = svg("g", { "class": "edges" });
  var nodeLayer = svg("g", { "class": "nodes" });
  root.appendChild(defs);
  root.appendChild(viewport);
  viewport.appendChild(edgeLayer);
  viewport.appendChild(nodeLayer);

  data.relations.forEach(function (r, i) {
    r.marker = "arrow-" + i;
    var marker = svg("marker", {
      id: r.marker, viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse"
    });
    marker.appendChild(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: r.color }));
    defs.appendChild(marker);
  });
  var markerOf = {};
  data.relations.forEach(function (r) { markerOf[r.name] = r.marker; });

  /* Parallel edges between one pair bend apart. */
  var pairs = {};
  edges.forEach(function (e, i) {
    var a = Math.min(e.source, e.target), b = Math.max(e.source, e.target);
    var key = a + ":" + b;
    (pairs[key] = pairs[key] || []).push(i);
  });
  Object.keys(pairs).forEach(function (key) {
    var list = pairs[key];
    list.forEach(function (edgeIndex, k) { edges[edgeIndex].bend = k - (list.length - 1) / 2; });
  });

  function edgePath(e) {
    var s = nodes[e.source], t = nodes[e.target];
    if (e.source === e.target) {
      var r = s.r * 2.5;
      return "M" + s.px + "," + (s.py - s.r) + " c" + (-r) + "," + (-r) + " " + r + "," + (-r) + " 0,0";
    }
    var a = s, b = t;
    if (e.source > e.target) { a = t; b = s; }
    var dx = b.px - a.px, dy = b.py - a.py, len = Math.sqrt(dx * dx + dy * dy) || 1;
    var nx = -dy / len, ny = dx / len;
    var off = e.bend * Math.min(40, len / 3);
    var cx = (s.px + t.px) / 2 + nx * off, cy = (s.py + t.py) / 2 + ny * off;
    /* End at the target's rim so the arrow shows. */
    var ex = t.px - cx, ey = t.py - cy, el2 = Math.sqrt(ex * ex + ey * ey) || 1;
    var tx = t.px - (ex / el2) * t.r, ty = t.py - (ey / el2) * t.r;
    var sx0 = s.px - cx, sy0 = s.py - cy, sl = Math.sqrt(sx0 * sx0 + sy0 * sy0) || 1;
    var sx = s.px - (sx0 / sl) * s.r, sy = s.py - (sy0 / sl) * s.r;
    return "M" + sx + "," + sy + " Q" + cx + "," + cy + " " + tx + "," + ty;
  }

  edges.forEach(function (e) {
    var width = 1 + Math.min(6, Math.log(1 + (e.weight || 1)) * 2);
    var path = svg("path", {
      "class": "edge",
      d: edgePath(e),
      stroke: relationColor[e.relation] || "#999",
      "stroke-width": width
    });
    if (!e.symmetric) { path.setAttribute("marker-end", "url(#" + markerOf[e.relation] + ")"); }
    var title = svg("title");
    title.textContent = nodes[e.source].label + " " + e.relation + " " + nodes[e.target].label;
    path.appendChild(title);
    e.element = path;
    edgeLayer.appendChild(path);
  });

  nodes.forEach(function (n, i) {
    var g = svg("g", { "class": "node", transform: "translate(" + n.px + "," + n.py + ")" });
    g.setAttribute("data-index", String(i));
    var circle = svg("circle", { r: n.r, fill: typeColor[n.type] || "#9c9c9c" });
    var title = svg("title");
    title.textContent = n.label + " (" + n.type + ")";
    circle.appendChild(title);
    var text = svg("text", { x: n.r + 3, y: 4, "font-size": 13 });
    text.textContent = n.label;
    g.appendChild(circle);
    g.appendChild(text);
    g.addEventListener("click", function (event) {
      event.stopPropagation();
      select(i);
    });
    n.element = g;
    nodeLayer.appendChild(g);
  });

  /* Pan and zoom */
  function applyTransform() {
    viewport.setAttribute("transform",
      "translate(" + state.tx + "," + state.ty + ") scale(" + state.scale + ")");
  }

  function fit() {
    var pad = 60;
    root.setAttribute("viewBox", (-pad) + " " + (-pad) + " " + (WORLD + 2 * pad) + " " + (WORLD + 2 * pad));
    state.scale = 1; state.tx = 0; state.ty = 0;
    applyTransform();
  }

  function toWorld(clientX, clientY) {
    var point = root.createSVGPoint();
    point.x = clientX; point.y = clientY;
    return point.matrixTransform(root.getScreenCTM().inverse());
  }

  var drag = null;
  root.addEventListener("pointerdown", function (event) {
    if (event.button !== 0) { return; }
    drag = { start: toWorld(event.clientX, event.clientY), tx: state.tx, ty: state.ty, moved: false };
    root.classList.add("panning");
  });
  window.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    var p = toWorld(event.clientX, event.clientY);
    var dx = p.x - drag.start.x, dy = p.y - drag.start.y;
    if (Math.abs(dx) + Math.abs(dy) > 2) { drag.moved = true; }
    state.tx = drag.tx + dx; state.ty = drag.ty + dy;
    applyTransform();
  });
  window.addEventListener("pointerup", function () {
    root.classList.remove("panning");
    setTimeout(function () { drag = null; }, 0);
  });
  root.addEventListener("click", function () {
    if (drag && drag.moved) { return; }
    select(-1);
  });
  root.addEventListener("wheel", function (event) {
    event.preventDefault();
    var p = toWorld(event.clientX, event.clientY);
    var factor = event.deltaY < 0 ? 1.15 : 1 / 1.15;
    var scale = Math.max(0.1, Math.min(20, state.scale * factor));
    factor = scale / state.scale;
    state.tx = p.x - (p.x - state.tx) * factor;
    state.ty = p.y - (p.y - state.ty) * factor;
    state.scale = scale;
    applyTransform();
  }, { passive: false });

  /* Visibility */
  function nodeVisible(i) { return !state.hiddenTypes[nodes[i].type]; }

  function edgeVisible(e) {
    return !state.hiddenRelations[e.relation] && nodeVisible(e.source) && nodeVisible(e.target);
  }

  function matches(n) {
    if (!state.query) { return false; }
    if (fold(n.label).indexOf(state.query) >= 0) { return true; }
    return n.aliases.some(function (a) { return fold(a).indexOf(state.query) >= 0; });
  }

  function refresh() {
    var sel = state.selected;
    var neighbours = {};
    if (sel >= 0) {
      neighbours[sel] = true;
      nodes[sel].edgeIndexes.forEach(function (i) {
        var e = edges[i];
        if (edgeVisible(e)) { neighbours[e.source] = true; neighbours[e.target] = true; }
      });
    }
    var visibleEdges = 0;
    edges.forEach(function (e) {
      var visible = edgeVisible(e);
      if (visible) { visibleEdges += 1; }
      e.element.style.display = visible ? "" : "none";
      var touches = sel >= 0 && (e.source === sel || e.target === sel);
      e.element.classList.toggle("active", touches);
      e.element.classList.toggle("faded", sel >= 0 && !touches);
    });
    var visibleNodes = 0;
    nodes.forEach(function (n, i) {
      var visible = nodeVisible(i);
      if (visible) { visibleNodes += 1; }
      n.element.style.display = visible ? "" : "none";
      var match = matches(n);
      n.element.classList.toggle("match", match);
      n.element.classList.toggle("selected", i === sel);
      var faded = (sel >= 0 && !neighbours[i]) || (sel < 0 && state.query !== "" && !match);
      n.element.classList.toggle("faded", faded);
    });
    $("stats").textContent = plural(visibleNodes, "entity", "entities") +
      " \u00b7 " + plural(visibleEdges, "relation");
  }

  /* Search */
  function renderResults() {
    var list = $("results");
    list.replaceChildren();
    if (!state.query) { return; }
    var found = [];
    nodes.forEach(function (n, i) { if (nodeVisible(i) && matches(n)) { found.push(i); } });
    found.sort(function (a, b) {
      var la = fold(nodes[a].label), lb = fold(nodes[b].label);
      var pa = la.indexOf(state.query) === 0 ? 0 : 1, pb = lb.indexOf(state.query) === 0 ? 0 : 1;
      return pa - pb || (nodes[b].mentions || 0) - (nodes[a].mentions || 0) || (la < lb ? -1 : la > lb ? 1 : 0);
    });
    if (!found.length) {
      list.appendChild(el("li", "empty", "No entity matches."));
      return;
    }
    found.slice(0, 50).forEach(function (i) {
      var n = nodes[i];
      var item = el("li");
      var button = el("button", "result");
      button.type = "button";
      var swatch = el("span", "swatch");
      swatch.style.background = typeColor[n.type] || "#9c9c9c";
      button.appendChild(swatch);
      button.appendChild(el("span", "name", n.label));
      button.appendChild(el("span", "type", n.type));
      button.addEventListener("click", function () { select(i); });
      item.appendChild(button);
      list.appendChild(item);
    });
    if (found.length > 50) { list.appendChild(el("li", "empty", "\u2026 and " + (found.length - 50) + " more")); }
  }

  $("search").addEventListener("input", function (event) {
    state.query = fold(event.target.value.trim());
    renderResults();
    refresh();
  });
  $("search").addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = document.querySelector("#results button");
      if (first) { first.click(); }
    } else if (event.key === "Escape") {
      event.target.value = "";
      state.query = "";
      renderResults();
      refresh();
    }
  });

  /* Filters */
  function checkboxRow(color, line, name, count, onChange) {
    var item = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = name;
    box.addEventListener("change", function () { onChange(box.checked); });
    var swatch = el("span", line ? "swatch line" : "swatch");
    swatch.style.background = color;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", "name", name));
    label.appendChild(el("span", "count", count));
    item.appendChild(label);
    return item;
  }

  data.relations.forEach(function (r) {
    $("relations").appendChild(checkboxRow(r.color, true, r.name, r.count, function (on) {
      state.hiddenRelations[r.name] = !on;
      refresh();
      renderPanel();
    }));
  });
  var typeCounts = {};
  nodes.forEach(function (n) { typeCounts[n.type] = (typeCounts[n.type] || 0) + 1; });
  data.types.forEach(function (t) {
    $("types").appendChild(checkboxRow(t.color, false, t.name, typeCounts[t.name] || 0, function (on) {
      state.hiddenTypes[t.name] = !on;
      if (state.selected >= 0 && !nodeVisible(state.selected)) { state.selected = -1; }
      renderResults();
      refresh();
      renderPanel();
    }));
  });

  /* Details panel */
  function chips(title, values, body) {
    body.appendChild(el("h4", null, title));
    if (!values.length) {
      body.appendChild(el("p", "empty", "none"));
      return;
    }
    var list = el("ul", "chips");
    values.forEach(function (v) { list.appendChild(el("li", null, v)); });
    body.appendChild(list);
  }

  function renderPanel() {
    var panel = $("panel");
    var sel = state.selected;
    if (sel < 0) {
      panel.hidden = true;
      return;
    }
    var n = nodes[sel];
    panel.hidden = false;
    $("panel-title").textContent = n.label;
    var meta = [n.type];
    if (n.mentions !== null && n.mentions !== undefined) { meta.push(plural(n.mentions, "mention")); }
    meta.push(plural(n.documents.length, "document"));
    if (n.first_date) { meta.push("first seen " + n.first_date); }
    $("panel-meta").textContent = meta.join(" \u00b7 ");
    var body = $("panel-body");
    body.replaceChildren();
    chips("Aliases", n.aliases, body);
    chips("Titles", n.titles, body);
    var shown = n.edgeIndexes.filter(function (i) { return edgeVisible(edges[i]); });
    body.appendChild(el("h4", null, "Relations (" + shown.length + ")"));
    if (!shown.length) {
      body.appendChild(el("p", "empty", "No relation shown."));
      return;
    }
    /* Stated relations first, then co-occurrence (mentioned_with), each by name. */
    shown.sort(function (a, b) {
      var ra = edges[a].relation, rb = edges[b].relation;
      var ca = ra === "mentioned_with" ? 1 : 0, cb = rb === "mentioned_with" ? 1 : 0;
      return ca - cb || (ra < rb ? -1 : ra > rb ? 1 : a - b);
    });
    var list = el("ol", "relations");
    shown.forEach(function (i) {
      var e = edges[i];
      var outgoing = e.source === sel;
      var other = outgoing ? e.target : e.source;
      var item = el("li", "relation");
      item.setAttribute("data-relation", e.relation);
      var head = el("div", "head");
      var arrow = e.symmetric ? "\u2194" : outgoing ? "\u2192" : "\u2190";
      head.appendChild(el("span", "dir", arrow));
      head.appendChild(el("span", "rel", e.relation));
      var link = el("button", "other", nodes[other].label);
      link.type = "button";
      link.addEventListener("click", function () { select(other); });
      head.appendChild(link);
      var bits = [];
      if (e.weight !== null && e.weight !== undefined) { bits.push(plural(e.weight, "sentence")); }
      if (e.confidence !== null && e.confidence !== undefined) { bits.push("confidence " + e.confidence); }
      if (e.tense === "planned") { bits.push("planned"); }
      if (e.first_date) { bits.push(e.first_date); }
      head.appendChild(el("span", "meta", bits.join(" \u00b7 ")));
      item.appendChild(head);
      e.evidence.forEach(function (ev) {
        var quote = el("blockquote", "evidence");
        quote.appendChild(el("span", "sentence", ev.sentence));
        quote.appendChild(el("cite", null, ev.document));
        item.appendChild(quote);
      });
      if (e.more) { item.appendChild(el("p", "meta", "\u2026 and " + plural(e.more, "more sentence"))); }
      list.appendChild(item);
    });
    body.appendChild(list);
  }

  function select(i) {
    state.selected = i;
    refresh();
    renderPanel();
  }

  $("close").addEventListener("click", function () { select(-1); });
  $("fit").addEventListener("click", fit);
  $("labels").addEventListener("change", function (event) {
    root.classList.toggle("nolabels", !event.target.checked);
  });
  if (nodes.length > 300) {
    $("labels").checked = false;
    root.classList.add("nolabels");
  }

  /* For scripts and tests: select an entity by id; where a node is on screen. */
  window.newsgraph = {
    select: function (id) {
      for (var i = 0; i < nodes.length; i += 1) {
        if (nodes[i].id === id) { select(i); return true; }
      }
      return false;
    },
    selected: function () { return state.selected >= 0 ? nodes[state.selected].id : null; }
  };

  fit();
  refresh();
}());
