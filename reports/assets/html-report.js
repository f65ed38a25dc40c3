/* garblint HTML report. Builds the per-file views from the embedded JSON data.
   Safety: input text only ever reaches the page through textContent, attribute values
   (data-*, title, aria-*) or as an argument of createTextNode; never through innerHTML. */
(function () {
  "use strict";

  var CODE_RE = /^[A-Z][0-9]{3}$/;
  var CONTEXT_LINES = 2;
  var LIST_LIMIT = 400;

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, k)) continue;
        var v = attrs[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === "class") e.className = v;
        else if (k === "text") e.textContent = v;
        else if (k.slice(0, 2) === "on") e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v === true ? "" : String(v));
      }
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return e;
  }

  function readJSON(id) {
    var node = $(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  var META = readJSON("gl-meta");
  var RULES = META.rules;
  var FILES = META.files;

  function rule(code) {
    return RULES[code] || { n: "", c: "other", s: "warning", p: 50 };
  }
  function catOf(code) {
    var c = rule(code).c;
    return META.categories.indexOf(c) >= 0 ? c : "other";
  }
  function ruleLink(code) {
    return el("a", { "class": "code", href: CODE_RE.test(code) ? "#rule-" + code : "#rules", text: code });
  }
  function plural(n, word) { return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s"); }

  // ------------------------------------------------------------ applying
  // The edits of garblint's fix plan (garblint.lint.fixer.plan_fixes), computed by the report
  // for both levels: [start, end, replacement, finding index] in UTF-16 units, by start.
  function plan(d, level) {
    return ((d.p && d.p[level]) || []).map(function (x) { return { s: x[0], e: x[1], r: x[2], i: x[3] }; });
  }

  function applyText(d, level) {
    var text = d.t, edits = plan(d, level), out = [], pos = 0;
    for (var i = 0; i < edits.length; i++) {
      out.push(text.slice(pos, edits[i].s), edits[i].r);
      pos = edits[i].e;
    }
    out.push(text.slice(pos));
    return out.join("");
  }

  // -------------------------------------------------------------- state
  var state = {
    file: -1,
    data: null,
    view: "written",
    level: "safe",
    cats: {}, sevs: {}, codes: {},
    hideClean: false,
    fileFilter: "",
    showAllList: false
  };
  var cache = { order: [], map: {} };

  function fileData(i) {
    if (cache.map[i]) return cache.map[i];
    var d = readJSON("gl-f-" + i) || { t: null, f: [] };
    cache.map[i] = d;
    cache.order.push(i);
    if (cache.order.length > 12) delete cache.map[cache.order.shift()];
    return d;
  }

  function visible(f) {
    return state.cats[catOf(f.c)] !== false && state.sevs[f.v] !== false && state.codes[f.c] !== false;
  }
  function visibleCount(meta) {
    var n = 0;
    for (var i = 0; i < meta.c.length; i++) {
      var e = meta.c[i];
      if (state.cats[catOf(e[0])] !== false && state.sevs[e[1]] !== false && state.codes[e[0]] !== false) n += e[2];
    }
    return n;
  }

  // ----------------------------------------------------------- the shell
  var ui = {};

  function buildShell() {
    var viewer = $("viewer");
    var cats = {}, sevs = {}, codes = {};
    FILES.forEach(function (m) {
      m.c.forEach(function (e) { codes[e[0]] = (codes[e[0]] || 0) + e[2]; cats[catOf(e[0])] = (cats[catOf(e[0])] || 0) + e[2]; sevs[e[1]] = (sevs[e[1]] || 0) + e[2]; });
    });

    function checkbox(group, key, label, count, extraClass) {
      var input = el("input", { type: "checkbox", checked: true, "data-group": group, "data-key": key });
      input.addEventListener("change", function () {
        state[group][key] = input.checked;
        refresh();
      });
      return el("label", { "class": "chk" + (extraClass ? " " + extraClass : "") }, input,
        extraClass && extraClass.indexOf("cat-") === 0 ? el("span", { "class": "swatch " + extraClass }) : null,
        label + " ", el("span", { "class": "muted", text: "(" + count.toLocaleString("en") + ")" }));
    }

    var catBox = el("fieldset", { "class": "filter", id: "filter-cat" }, el("legend", { text: "Category" }));
    META.categories.concat(["other"]).forEach(function (c) {
      if (cats[c]) catBox.appendChild(checkbox("cats", c, c, cats[c], "cat-" + c));
    });
    var sevBox = el("fieldset", { "class": "filter", id: "filter-sev" }, el("legend", { text: "Severity" }));
    META.severities.forEach(function (s) {
      if (sevs[s]) sevBox.appendChild(checkbox("sevs", s, s, sevs[s], null));
    });
    var ruleBox = el("fieldset", { "class": "filter", id: "filter-rule" }, el("legend", { text: "Rule" }));
    Object.keys(codes).sort().forEach(function (code) {
      var lab = checkbox("codes", code, code + " " + rule(code).n, codes[code], "cat-" + catOf(code));
      ruleBox.appendChild(lab);
    });
    [catBox, sevBox, ruleBox].forEach(function (box) {
      function setAll(on) {
        box.querySelectorAll("input[type=checkbox]").forEach(function (input) {
          input.checked = on;
          state[input.getAttribute("data-group")][input.getAttribute("data-key")] = on;
        });
        refresh();
      }
      var legend = box.querySelector("legend");
      legend.appendChild(el("button", { type: "button", "class": "mini", onclick: function () { setAll(true); }, text: "all" }));
      legend.appendChild(el("button", { type: "button", "class": "mini", onclick: function () { setAll(false); }, text: "none" }));
    });
    var filters = el("div", { id: "filters", "class": "filters" }, catBox, sevBox, ruleBox);
    if (!Object.keys(codes).length) filters.hidden = true;

    var search = el("input", { type: "search", id: "file-search", placeholder: "Filter files by name", "aria-label": "Filter files by name" });
    search.addEventListener("input", function () { state.fileFilter = search.value.toLowerCase(); renderFileList(); });
    var hide = el("input", { type: "checkbox", id: "hide-clean" });
    hide.addEventListener("change", function () { state.hideClean = hide.checked; renderFileList(); });
    ui.fileCount = el("p", { "class": "muted", id: "file-count" });
    ui.fileList = el("ol", { id: "file-list", "class": "filelist" });
    var aside = el("nav", { id: "files", "aria-label": "Files" },
      el("h2", { text: "Files" }), search,
      el("label", { "class": "chk" }, hide, "hide files without shown findings"),
      ui.fileCount, ui.fileList);

    ui.fileHead = el("div", { id: "file-head" });
    ui.viewButtons = {};
    var views = el("div", { "class": "seg", role: "group", "aria-label": "View" });
    [["written", "As written"], ["applied", "Suggestions applied"], ["diff", "Side-by-side diff"]].forEach(function (v) {
      var b = el("button", { type: "button", id: "view-" + v[0], "aria-pressed": "false", text: v[1] });
      b.addEventListener("click", function () { setView(v[0]); });
      ui.viewButtons[v[0]] = b;
      views.appendChild(b);
    });
    ui.levelButtons = {};
    var levels = el("div", { "class": "seg", role: "group", "aria-label": "Which suggestions to apply" }, el("span", { "class": "muted", text: "apply: " }));
    [["safe", "safe only"], ["all", "all"]].forEach(function (v) {
      var b = el("button", { type: "button", id: "level-" + v[0], "aria-pressed": "false", text: v[1] });
      b.addEventListener("click", function () { setLevel(v[0]); });
      ui.levelButtons[v[0]] = b;
      levels.appendChild(b);
    });
    ui.note = el("p", { "class": "muted", id: "view-note" });
    ui.content = el("div", { id: "content" });
    ui.list = el("div", { id: "finding-list" });
    var main = el("div", { id: "file" }, ui.fileHead, el("div", { "class": "toolbar" }, views, levels), ui.note, ui.content, ui.list);

    viewer.appendChild(el("h2", { id: "viewer-h", text: "Files" }));
    viewer.appendChild(filters);
    viewer.appendChild(el("div", { "class": "columns" }, aside, main));

    ui.tip = el("div", { id: "tip", role: "tooltip", hidden: true });
    document.body.appendChild(ui.tip);
    ui.tip.addEventListener("mouseenter", function () { clearTimeout(ui.hideTimer); });
    ui.tip.addEventListener("mouseleave", scheduleHide);
  }

  // --------------------------------------------------------- file list
  function renderFileList() {
    var list = ui.fileList;
    list.textContent = "";
    var shown = 0;
    FILES.forEach(function (m, i) {
      var n = visibleCount(m);
      if (state.hideClean && n === 0 && i !== state.file) return;
      if (state.fileFilter && m.p.toLowerCase().indexOf(state.fileFilter) < 0) return;
      shown++;
      var badge = m.err ? el("span", { "class": "badge sev-error", text: "error" })
        : m.skip ? el("span", { "class": "badge", text: "skipped" })
        : el("span", { "class": "count" + (n ? "" : " zero"), text: String(n) });
      var b = el("button", { type: "button", "class": "file" + (i === state.file ? " active" : ""), "data-file": i, title: m.p },
        pathNode(m.p), badge);
      if (i === state.file) b.setAttribute("aria-current", "true");
      b.addEventListener("click", function () { openFile(i); });
      list.appendChild(el("li", null, b));
    });
    ui.fileCount.textContent = shown === FILES.length ? plural(FILES.length, "file") : shown + " of " + plural(FILES.length, "file");
  }

  function pathNode(p) {
    var cut = Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\")) + 1;
    return el("span", { "class": "path" }, el("span", { "class": "dir", text: p.slice(0, cut) }), el("span", { "class": "base", text: p.slice(cut) }));
  }

  // ----------------------------------------------------------- a file
  function openFile(i, focusWhere) {
    if (i < 0 || i >= FILES.length) return;
    state.file = i;
    state.data = FILES[i].skip ? { t: null, f: [] } : fileData(i);
    state.showAllList = false;
    hideTip();
    var old = ui.fileList.querySelector("button.active");
    var next = ui.fileList.querySelector('button[data-file="' + i + '"]');
    if (!state.hideClean && next) {
      if (old) { old.classList.remove("active"); old.removeAttribute("aria-current"); }
      next.classList.add("active");
      next.setAttribute("aria-current", "true");
    } else renderFileList();
    renderFile();
    var active = ui.fileList.querySelector("button.active");
    if (active && active.scrollIntoView) active.scrollIntoView({ block: "nearest" });
    if (focusWhere === "first" || focusWhere === "last") {
      var items = navItems();
      if (items.length) focusItem(items[focusWhere === "first" ? 0 : items.length - 1]);
    }
  }

  function renderFile() {
    var m = FILES[state.file], d = state.data;
    ui.fileHead.textContent = "";
    var shown = d.f.filter(visible).length;
    var facts = [plural(m.n, "finding")];
    if (shown !== m.n) facts.push(shown + " shown");
    if (m.w) facts.push(plural(m.w, "word"));
    if (m.enc) facts.push(m.enc);
    ui.fileHead.appendChild(el("h3", { id: "file-title", text: m.p }));
    ui.fileHead.appendChild(el("p", { "class": "muted", text: facts.join(" · ") }));
    if (m.err) ui.fileHead.appendChild(el("p", { "class": "error", text: "error: " + m.err }));
    if (m.skip) ui.fileHead.appendChild(el("p", { "class": "muted", text: "skipped: " + m.skip }));
    Object.keys(ui.viewButtons).forEach(function (k) { ui.viewButtons[k].setAttribute("aria-pressed", String(k === state.view)); });
    Object.keys(ui.levelButtons).forEach(function (k) { ui.levelButtons[k].setAttribute("aria-pressed", String(k === state.level)); });
    ui.content.textContent = "";
    ui.nav = null;
    if (d.t === null) {
      ui.note.textContent = m.skip ? "" : "The text of this file is not in the report.";
    } else if (state.view === "written") {
      ui.note.textContent = "Findings are highlighted in their category's colour; hover or focus one (j / k) for details.";
      ui.content.appendChild(renderWritten(d));
    } else if (state.view === "applied") {
      var edits = plan(d, state.level);
      ui.note.textContent = plural(edits.length, "suggestion") + " applied (" + (state.level === "safe" ? "safe ones only, as --fix" : "all, as --fix --unsafe-fixes") + "); filters do not change this view.";
      ui.content.appendChild(renderApplied(d, edits));
    } else {
      var edits2 = plan(d, state.level);
      ui.note.textContent = "Left: as written; right: with " + plural(edits2.length, "suggestion") + " applied (" + (state.level === "safe" ? "safe only" : "all") + ").";
      ui.content.appendChild(renderDiff(d, edits2));
    }
    renderFindingList(d);
  }

  function hlClass(f, extra) {
    return extra + " cat-" + catOf(f.c) + " sev-" + f.v;
  }

  function renderWritten(d) {
    var text = d.t, pre = el("pre", { id: "doc", "class": "doc" });
    var vis = [];
    d.f.forEach(function (f, i) { if (visible(f)) vis.push(i); });
    vis.sort(function (a, b) { return d.f[a].s - d.f[b].s || d.f[b].e - d.f[a].e || a - b; });
    var pts = [0, text.length];
    vis.forEach(function (i) { pts.push(d.f[i].s, d.f[i].e); });
    pts.sort(function (a, b) { return a - b; });
    var points = [];
    pts.forEach(function (p) { if (!points.length || points[points.length - 1] !== p) points.push(p); });
    var active = [], si = 0, started = {};
    function piece(i, child) {
      var f = d.f[i];
      var attrs = { "class": hlClass(f, "hl"), "data-f": i, "data-start": f.a, "data-end": f.b, "data-code": f.c };
      if (!started[i]) {
        started[i] = true;
        attrs.tabindex = "0";
        attrs.id = "f" + i;
        attrs["data-nav"] = "1";
        attrs["aria-label"] = f.c + " " + f.v + ": " + f.m;
      }
      var span = el("span", attrs);
      if (child) span.appendChild(child);
      return span;
    }
    for (var k = 0; k < points.length; k++) {
      var pos = points[k];
      active = active.filter(function (i) { return d.f[i].e > pos; });
      while (si < vis.length && d.f[vis[si]].s === pos) {
        var i = vis[si++];
        if (d.f[i].e === d.f[i].s) {
          var empty = piece(i, null);
          empty.className += " empty";
          pre.appendChild(empty);
        } else active.push(i);
      }
      if (k + 1 >= points.length) break;
      var seg = document.createTextNode(text.slice(pos, points[k + 1]));
      if (!active.length) { pre.appendChild(seg); continue; }
      var node = seg;
      for (var a = active.length - 1; a >= 0; a--) node = piece(active[a], node);
      pre.appendChild(node);
    }
    return pre;
  }

  function renderApplied(d, edits) {
    var text = d.t, pre = el("pre", { id: "doc", "class": "doc applied" }), pos = 0;
    edits.forEach(function (ed) {
      if (ed.s > pos) pre.appendChild(document.createTextNode(text.slice(pos, ed.s)));
      var f = d.f[ed.i];
      pre.appendChild(el("span", {
        "class": hlClass(f, "fix" + (ed.r === "" ? " del" : "")), "data-f": ed.i, "data-nav": "1", tabindex: "0",
        "aria-label": f.c + " applied: " + f.m
      }, ed.r));
      pos = ed.e;
    });
    if (pos < text.length) pre.appendChild(document.createTextNode(text.slice(pos)));
    return pre;
  }

  // ------------------------------------------------------------- diff
  function lineStarts(text) {
    var starts = [0], re = /\r\n|\r|\n/g, m;
    while ((m = re.exec(text)) !== null) starts.push(m.index + m[0].length);
    return starts;
  }
  function lineOf(starts, pos) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= pos) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function countLines(s) { var m = s.match(/\r\n|\r|\n/g); return m ? m.length : 0; }

  function renderDiff(d, edits) {
    var text = d.t, starts = lineStarts(text);
    var nLines = starts.length;
    // A last empty "line" after a final newline has no text: do not count it.
    if (nLines > 1 && starts[nLines - 1] === text.length) nLines--;
    function lineStart(l) { return l >= nLines ? text.length : starts[l]; }
    var hunks = [];
    edits.forEach(function (ed) {
      var l0 = lineOf(starts, ed.s), l1 = lineOf(starts, Math.max(ed.s, ed.e - 1));
      if (l0 >= nLines) l0 = nLines - 1;
      if (l1 >= nLines) l1 = nLines - 1;
      var h = hunks[hunks.length - 1];
      if (h && l0 <= h.l1 + 1) { h.l1 = Math.max(h.l1, l1); h.edits.push(ed); }
      else hunks.push({ l0: l0, l1: l1, edits: [ed] });
    });
    var table = el("table", { id: "diff", "class": "diff" },
      el("thead", null, el("tr", null, el("th", { scope: "col", text: "As written" }), el("th", { scope: "col", text: "With suggestions applied" }))));
    var body = el("tbody");
    table.appendChild(body);
    var delta = 0;
    function cell(side, firstLine, nodes, cls) {
      var pre = el("pre", { "class": "side " + side });
      nodes.forEach(function (n) { pre.appendChild(n); });
      return el("td", { "class": cls || "" }, el("span", { "class": "ln", text: "line " + (firstLine + 1) }), pre);
    }
    function same(l0, l1) { // unchanged lines [l0, l1)
      if (l1 <= l0) return;
      var seg = text.slice(lineStart(l0), lineStart(l1));
      body.appendChild(el("tr", { "class": "ctx" }, cell("left", l0, [document.createTextNode(seg)]), cell("right", l0 + delta, [document.createTextNode(seg)])));
    }
    function gap(l0, l1) {
      if (l1 <= l0) return;
      if (l1 - l0 <= 2 * CONTEXT_LINES + 1) { same(l0, l1); return; }
      same(l0, l0 + CONTEXT_LINES);
      var hidden0 = l0 + CONTEXT_LINES, hidden1 = l1 - CONTEXT_LINES, d0 = delta;
      var btn = el("button", { type: "button", "class": "expand", text: "\u22ef " + plural(hidden1 - hidden0, "unchanged line") + " (show)" });
      var row = el("tr", { "class": "gap" }, el("td", { colspan: "2" }, btn));
      btn.addEventListener("click", function () {
        var seg = text.slice(lineStart(hidden0), lineStart(hidden1));
        var full = el("tr", { "class": "ctx" }, cell("left", hidden0, [document.createTextNode(seg)]), cell("right", hidden0 + d0, [document.createTextNode(seg)]));
        row.parentNode.replaceChild(full, row);
      });
      body.appendChild(row);
      same(hidden1, l1);
    }
    var next = 0;
    hunks.forEach(function (h, hi) {
      gap(next, h.l0);
      var from = lineStart(h.l0), to = lineStart(h.l1 + 1);
      var left = [], right = [], pos = from, newDelta = delta;
      h.edits.forEach(function (ed) {
        if (ed.s > pos) { left.push(document.createTextNode(text.slice(pos, ed.s))); right.push(document.createTextNode(text.slice(pos, ed.s))); }
        var f = d.f[ed.i], cls = " cat-" + catOf(f.c);
        left.push(el("del", { "class": "d" + cls, "data-f": ed.i }, text.slice(ed.s, ed.e)));
        right.push(el("ins", { "class": "i" + cls + (ed.r === "" ? " del" : ""), "data-f": ed.i }, ed.r));
        newDelta += countLines(ed.r) - countLines(text.slice(ed.s, ed.e));
        pos = ed.e;
      });
      if (to > pos) { left.push(document.createTextNode(text.slice(pos, to))); right.push(document.createTextNode(text.slice(pos, to))); }
      body.appendChild(el("tr", { "class": "hunk", tabindex: "0", "data-nav": "1", id: "hunk" + hi, "aria-label": "change " + (hi + 1) + " of " + hunks.length },
        cell("left", h.l0, left, "chg"), cell("right", h.l0 + delta, right, "chg")));
      delta = newDelta;
      next = h.l1 + 1;
    });
    gap(next, nLines);
    if (!hunks.length) body.appendChild(el("tr", null, el("td", { colspan: "2", "class": "muted", text: "No suggestions to apply at this level." })));
    return table;
  }

  // ----------------------------------------------------- finding list
  function renderFindingList(d) {
    ui.list.textContent = "";
    var vis = [];
    d.f.forEach(function (f, i) { if (visible(f)) vis.push(i); });
    if (!d.f.length) return;
    ui.list.appendChild(el("h4", { text: "Findings (" + vis.length + (vis.length !== d.f.length ? " of " + d.f.length : "") + ")" }));
    var ol = el("ol", { "class": "findings" });
    var limit = state.showAllList ? vis.length : Math.min(vis.length, LIST_LIMIT);
    for (var n = 0; n < limit; n++) {
      (function (i) {
        var f = d.f[i];
        var go = el("button", { type: "button", "class": "goto", text: f.l + ":" + f.k });
        go.addEventListener("click", function () { gotoFinding(i); });
        var sugg = f.x.length ? el("span", { "class": "sugg" }, " \u2192 ", suggestionNode(f.x[0][0]), el("span", { "class": "muted", text: f.x[0][1] ? " safe" : " unsafe" })) : null;
        ol.appendChild(el("li", { "class": "cat-" + catOf(f.c) }, go, " ", el("span", { "class": "swatch cat-" + catOf(f.c) }),
          el("span", { "class": "badge sev-" + f.v, text: f.v }), " ", ruleLink(f.c), " ", el("span", { "class": "msg", text: f.m }), sugg));
      })(vis[n]);
    }
    ui.list.appendChild(ol);
    if (limit < vis.length) {
      var more = el("button", { type: "button", text: "show all " + vis.length });
      more.addEventListener("click", function () { state.showAllList = true; renderFindingList(d); });
      ui.list.appendChild(more);
    }
  }

  function suggestionNode(rep) {
    if (rep === "") return el("em", { "class": "muted", text: "(delete)" });
    var shown = rep.length > 200 ? rep.slice(0, 200) + "\u2026" : rep;
    // make spaces visible where they are the point of the suggestion
    if (shown.trim() !== shown) shown = shown.replace(/ /g, "\u2423");
    return el("code", { "class": "rep", text: shown.replace(/\n/g, "\u21b5\n") });
  }

  function gotoFinding(i) {
    if (state.view !== "written") setView("written");
    var target = $("f" + i);
    if (target) focusItem(target);
  }

  // --------------------------------------------------------- the popup
  function findingsAt(node) {
    var out = [];
    while (node && node !== document.body) {
      if (node.getAttribute && node.hasAttribute("data-f") && state.data) {
        var i = Number(node.getAttribute("data-f"));
        if (out.indexOf(i) < 0) out.push(i);
      }
      node = node.parentNode;
    }
    return out;
  }

  function showTip(target) {
    var ids = findingsAt(target);
    if (!ids.length) return;
    clearTimeout(ui.hideTimer);
    var tip = ui.tip;
    tip.textContent = "";
    ids.forEach(function (i) {
      var f = state.data.f[i], r = rule(f.c);
      var box = el("div", { "class": "tipitem cat-" + catOf(f.c) },
        el("div", { "class": "tiphead" }, el("span", { "class": "badge sev-" + f.v, text: f.v }), " ", ruleLink(f.c), " ",
          el("span", { "class": "rname", text: r.n }), " ", el("span", { "class": "muted", text: "\u00b7 " + r.c + " \u00b7 line " + f.l + ", col " + f.k + " \u00b7 confidence " + f.q })),
        el("p", { "class": "msg", text: f.m }));
      if (f.x.length) {
        var ul = el("ul", { "class": "suggs" });
        f.x.forEach(function (x) {
          ul.appendChild(el("li", null, "\u2192 ", suggestionNode(x[0]), el("span", { "class": x[1] ? "safe" : "unsafe", text: x[1] ? " safe" : " unsafe" })));
        });
        box.appendChild(ul);
      } else box.appendChild(el("p", { "class": "muted", text: "no suggestion" }));
      tip.appendChild(box);
    });
    tip.hidden = false;
    var rect = target.getBoundingClientRect();
    var top = window.scrollY + rect.bottom + 6;
    var left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.top = top + "px";
    tip.style.left = left + "px";
  }
  function hideTip() { clearTimeout(ui.hideTimer); if (ui.tip) ui.tip.hidden = true; }
  function scheduleHide() { clearTimeout(ui.hideTimer); ui.hideTimer = setTimeout(hideTip, 350); }

  // ------------------------------------------------------ navigation
  function navItems() {
    if (!ui.nav) ui.nav = Array.prototype.slice.call(ui.content.querySelectorAll("[data-nav]"));
    return ui.nav;
  }

  function focusItem(node) {
    node.focus({ preventScroll: true });
    if (node.scrollIntoView) node.scrollIntoView({ block: "center" });
    showTip(node);
  }

  function step(dir) {
    var items = navItems();
    var cur = items.indexOf(document.activeElement);
    if (cur < 0 && document.activeElement && ui.content.contains(document.activeElement)) {
      var owner = document.activeElement.closest("[data-nav]");
      cur = items.indexOf(owner);
    }
    var nextIdx = cur < 0 ? (dir > 0 ? 0 : items.length - 1) : cur + dir;
    if (nextIdx >= 0 && nextIdx < items.length) { focusItem(items[nextIdx]); return; }
    // past the end of this file: the next (previous) file with shown findings
    for (var j = state.file + dir; j >= 0 && j < FILES.length; j += dir) {
      if (!FILES[j].skip && visibleCount(FILES[j]) > 0) { openFile(j, dir > 0 ? "first" : "last"); return; }
    }
  }

  function setView(v) { state.view = v; hideTip(); renderFile(); }
  function setLevel(l) {
    state.level = l;
    if (state.view === "written") { // the highlights do not depend on it
      Object.keys(ui.levelButtons).forEach(function (k) { ui.levelButtons[k].setAttribute("aria-pressed", String(k === l)); });
      return;
    }
    hideTip();
    renderFile();
  }

  function refresh() {
    renderFileList();
    if (state.file >= 0) renderFile();
  }

  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
    var k = e.key;
    if (k === "j" || k === "n") step(1);
    else if (k === "k" || k === "p") step(-1);
    else if (k === "]") openFile(Math.min(FILES.length - 1, state.file + 1));
    else if (k === "[") openFile(Math.max(0, state.file - 1));
    else if (k === "1") setView("written");
    else if (k === "2") setView("applied");
    else if (k === "3") setView("diff");
    else if (k === "s") setLevel("safe");
    else if (k === "a") setLevel("all");
    else if (k === "?") toggleHelp();
    else if (k === "Escape") hideTip();
    else return;
    e.preventDefault();
  }

  function toggleHelp() {
    var h = $("help"), b = $("help-btn");
    h.hidden = !h.hidden;
    b.setAttribute("aria-expanded", String(!h.hidden));
  }

  function init() {
    buildShell();
    document.addEventListener("keydown", onKey);
    $("help-btn").addEventListener("click", toggleHelp);
    ui.content.addEventListener("mouseover", function (e) { var t = e.target.closest && e.target.closest("[data-f]"); if (t) showTip(t); });
    ui.content.addEventListener("mouseout", function (e) { if (e.target.closest && e.target.closest("[data-f]")) scheduleHide(); });
    ui.content.addEventListener("focusin", function (e) { var t = e.target.closest && e.target.closest("[data-f]"); if (t) showTip(t); });
    ui.content.addEventListener("focusout", scheduleHide);
    var first = 0, m = /^#file-(\d+)$/.exec(location.hash);
    if (m && Number(m[1]) < FILES.length) first = Number(m[1]);
    else for (var i = 0; i < FILES.length; i++) { if (FILES[i].n) { first = i; break; } }
    renderFileList();
    if (FILES.length) openFile(first);
    window.addEventListener("hashchange", function () {
      var h = /^#file-(\d+)$/.exec(location.hash);
      if (h && Number(h[1]) < FILES.length) openFile(Number(h[1]));
    });
  }

  window.garblintReport = { plan: plan, applyText: applyText, openFile: openFile, setView: setView, setLevel: setLevel, state: state };
  init();
})();
