/* Study-path planner: the same rules as generator/plan/, run in the browser.
 *
 * The planning core (RoadmapPlanner.*) is a line-by-line port of generator/plan/rules.py (closure,
 * order) and generator/plan/formats.py (JSON and Markdown); read the rules in rules.py's
 * docstring. The weekly timetable and its calendar file are timetable.js's (generator/plan/timetable.py). It holds no ranking policy: each topic's resources come in roadmap.json already
 * best first (generator/kb/ranking.py). tests/plan/test_planner_node.py (under Node) and
 * tests/browser/test_planner_parity.py (in Chromium) hold it to the same answers as Python, so
 * change both together.
 *
 * The UI fills the Planner page (#rm-planner) and, on the roadmap page, highlights a plan named
 * in the URL hash (#targets=a,b&known=c&pace=6&rec=1). On any other page this script does nothing.
 * Data: learn/data/roadmap.json, fetched relative to this script; no other host is ever asked.
 */
(function () {
  "use strict";

  var EPSILON = 1e-9;
  var DEFAULT_MAX_RESOURCES = 3;
  var STORAGE_KEY = "mfml-planner-v1";

  // Under Node (tests/plan/test_planner_node.py) there is no document: only the core is used there.
  var script = typeof document !== "undefined" ? document.currentScript : null;
  var SCRIPT_URL = script && script.src ? script.src : null;
  // The timetable's rules (timetable.js, loaded before this script; required under Node).
  var T = typeof window === "undefined" ? require("./timetable.js") : window.RoadmapTimetable;

  // ---------------------------------------------------------------- the core (pure)

  /** Python-compatible string order (by code point, not UTF-16 unit). */
  function cmpStr(a, b) {
    if (a === b) return 0;
    var i = 0;
    var n = Math.min(a.length, b.length);
    while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (i === n) return a.length < b.length ? -1 : 1;
    var ca = a.codePointAt(i);
    var cb = b.codePointAt(i);
    return ca < cb ? -1 : 1;
  }

  function cmpTuple(a, b) {
    for (var i = 0; i < a.length; i++) {
      var x = a[i];
      var y = b[i];
      if (x === y) continue;
      if (typeof x === "string") return cmpStr(x, y);
      return x < y ? -1 : 1;
    }
    return 0;
  }

  /** Index roadmap.json once: maps, prerequisite lists, dependents, stage order.
   * The areas' order and each topic's resources, best first, come ranked from Python. */
  function buildIndex(data) {
    var areas = data.areas || [];
    // The paces a plan may have (generator/plan/rules.py), checked wherever a pace comes in.
    var pace = data.pace || {};
    var stages = (data.stages || []).slice().sort(function (a, b) { return a.order - b.order; });
    var stageOrder = new Map();
    var stageTitle = new Map();
    stages.forEach(function (s) {
      stageOrder.set(s.id, s.order);
      stageTitle.set(s.id, s.title);
    });
    var topics = new Map();
    (data.topics || []).forEach(function (t) {
      var pres = t.prerequisites || [];
      topics.set(t.id, {
        id: t.id,
        title: t.title,
        stage: t.stage,
        area: t.area,
        summary: t.summary || "",
        aliases: Array.isArray(t.aliases) ? t.aliases.filter(function (a) { return typeof a === "string"; }) : [],
        hours: t.hours,
        all: pres.map(function (p) { return p.topic; }),
        required: pres.filter(function (p) { return p.strength === "required"; }).map(function (p) { return p.topic; }),
        resources: t.resources || [],
        sections: t.sections || {},
        dependents: [],
        stageOrder: stageOrder.get(t.stage),
        areaIndex: areas.indexOf(t.area),
      });
    });
    topics.forEach(function (t) {
      t.all.forEach(function (p) {
        var pre = topics.get(p);
        if (pre) pre.dependents.push(t.id);
      });
    });
    var resources = new Map();
    (data.resources || []).forEach(function (r) { resources.set(r.id, r); });
    var ids = Array.from(topics.keys()).sort(cmpStr);
    var g = {
      topics: topics, resources: resources, stages: stages, stageTitle: stageTitle, ids: ids,
      pace: { min: pace.min, max: pace.max, default: pace.default },
      // The timetable's numbers (generator/plan/timetable.py): gaps, review share and hours.
      review: data.review || null,
    };
    g.sorted = ids.slice().sort(function (a, b) { return cmpTuple(sortKey(g, a), sortKey(g, b)); });
    return g;
  }

  /** Roadmap.sort_key: stage order, area position, id. */
  function sortKey(g, tid) {
    var t = g.topics.get(tid);
    return [t.stageOrder, t.areaIndex, tid];
  }

  function bySortKey(g, list) {
    return list.sort(function (a, b) { return cmpTuple(sortKey(g, a), sortKey(g, b)); });
  }

  function unique(list) {
    var seen = new Set();
    var out = [];
    (list || []).forEach(function (x) {
      if (!seen.has(x)) { seen.add(x); out.push(x); }
    });
    return out;
  }

  function prerequisites(g, tid, includeRecommended) {
    var t = g.topics.get(tid);
    return includeRecommended ? t.all : t.required;
  }

  function checkIds(g, ids) {
    var unknown = unique(ids).filter(function (tid) { return !g.topics.has(tid); });
    if (unknown.length) {
      var err = new Error("unknown topic ids: " + unknown.join(", "));
      err.ids = unknown;
      throw err;
    }
  }

  /** The known topics and everything they require (required edges only). */
  function knownClosure(g, known) {
    var closure = new Set();
    unique(known).forEach(function (tid) {
      if (closure.has(tid)) return;
      closure.add(tid);
      var todo = [tid];
      while (todo.length) {
        var pres = g.topics.get(todo.pop()).required;
        for (var i = 0; i < pres.length; i++) {
          if (!closure.has(pres[i])) { closure.add(pres[i]); todo.push(pres[i]); }
        }
      }
    });
    return closure;
  }

  /** Topics not known whose prerequisites (required; any with includeRecommended) are all known. */
  function ready(g, known, includeRecommended) {
    var closure = knownClosure(g, known);
    var out = g.ids.filter(function (tid) {
      return !closure.has(tid) && prerequisites(g, tid, includeRecommended).every(function (p) { return closure.has(p); });
    });
    return bySortKey(g, out);
  }

  /** Topics that become ready once `topic` is learnt on top of `known`. */
  function unlocks(g, topic, known) {
    checkIds(g, [topic]);
    var closure = knownClosure(g, (known || []).concat([topic]));
    var out = g.topics.get(topic).dependents.filter(function (child) {
      var req = g.topics.get(child).required;
      return req.indexOf(topic) >= 0 && !closure.has(child) && req.every(function (p) { return closure.has(p); });
    });
    return bySortKey(g, unique(out));
  }

  /** Ids of the resources covering `tid`, best first, at most `limit` (null: all).
   * roadmap.json lists each topic's resources already ranked (generator/kb/ranking.py). */
  function bestResources(g, tid, limit) {
    if (limit === undefined) limit = DEFAULT_MAX_RESOURCES;
    var ranked = g.topics.get(tid).resources;
    return limit === null ? ranked.slice() : ranked.slice(0, limit);
  }

  function needed(g, targets, known, includeRecommended) {
    var closure = knownClosure(g, known);
    var out = new Set();
    var todo = unique(targets).filter(function (tid) { return !closure.has(tid); });
    todo.forEach(function (tid) { out.add(tid); });
    while (todo.length) {
      var pres = prerequisites(g, todo.pop(), includeRecommended);
      for (var i = 0; i < pres.length; i++) {
        var pre = pres[i];
        if (!closure.has(pre) && !out.has(pre)) { out.add(pre); todo.push(pre); }
      }
    }
    return out;
  }

  // A binary min-heap of [stageOrder, areaIndex, -readiness, id] keys.
  function Heap() { this.items = []; }
  Heap.prototype.push = function (item) {
    var a = this.items;
    a.push(item);
    var i = a.length - 1;
    while (i > 0) {
      var parent = (i - 1) >> 1;
      if (cmpTuple(a[i], a[parent]) >= 0) break;
      var tmp = a[i]; a[i] = a[parent]; a[parent] = tmp;
      i = parent;
    }
  };
  Heap.prototype.pop = function () {
    var a = this.items;
    var top = a[0];
    var last = a.pop();
    if (a.length) {
      a[0] = last;
      var i = 0;
      for (;;) {
        var l = 2 * i + 1;
        var r = l + 1;
        var m = i;
        if (l < a.length && cmpTuple(a[l], a[m]) < 0) m = l;
        if (r < a.length && cmpTuple(a[r], a[m]) < 0) m = r;
        if (m === i) break;
        var tmp = a[i]; a[i] = a[m]; a[m] = tmp;
        i = m;
      }
    }
    return top;
  };

  /** `members` in study order: prerequisites first, ties by (stage, area, -readiness, id). */
  function order(g, members) {
    var waiting = new Map();
    var heap = new Heap();
    function key(tid, readiness) {
      var t = g.topics.get(tid);
      return [t.stageOrder, t.areaIndex, -readiness, tid];
    }
    members.forEach(function (tid) {
      var count = 0;
      var all = g.topics.get(tid).all;
      for (var i = 0; i < all.length; i++) if (members.has(all[i])) count++;
      if (count) waiting.set(tid, count);
      else heap.push(key(tid, -1));
    });
    var out = [];
    while (heap.items.length) {
      var tid = heap.pop()[3];
      var position = out.length;
      out.push(tid);
      var deps = g.topics.get(tid).dependents;
      for (var i = 0; i < deps.length; i++) {
        var child = deps[i];
        if (waiting.has(child)) {
          var left = waiting.get(child) - 1;
          if (left === 0) {
            waiting.delete(child);
            heap.push(key(child, position));
          } else {
            waiting.set(child, left);
          }
        }
      }
    }
    return out;
  }

  /** Everything to study to reach all targets from known; same result as generator.plan.plan. */
  function plan(g, targets, known, includeRecommended, maxResources) {
    targets = unique(targets);
    known = unique(known);
    includeRecommended = !!includeRecommended;
    checkIds(g, targets.concat(known));
    var steps = order(g, needed(g, targets, known, includeRecommended)).map(function (tid) {
      var t = g.topics.get(tid);
      return { topic: tid, title: t.title, hours: t.hours, resources: bestResources(g, tid, maxResources) };
    });
    var total = 0.0;
    steps.forEach(function (s) { total += s.hours; });
    return { targets: targets, known: known, includeRecommended: includeRecommended, steps: steps, totalHours: total };
  }

  /** Hours rounded half up to one decimal, no trailing ".0" (as generator.plan.format_hours). */
  function formatHours(h) {
    return String(Math.floor(h * 10 + 0.5) / 10);
  }

  /** What to read of resource `rid` for topic `tid` (its `covers` entry's sections). */
  function sectionsFor(g, rid, tid) {
    var t = g.topics.get(tid);
    return Object.prototype.hasOwnProperty.call(t.sections, rid) ? t.sections[rid] : "";
  }

  function resourceJson(g, rid, tid) {
    var r = g.resources.get(rid);
    return { id: rid, title: r.title, kind: r.kind, url: r.url, cost: r.cost, level: r.level, sections: sectionsFor(g, rid, tid) };
  }

  /** A review's time in whole minutes (as generator.plan.formats.format_minutes). */
  function formatMinutes(h) {
    return Math.floor(h * 60 + 0.5) + " min";
  }

  /** The `roadmap plan --format json` document (`weeks` from timetable.js, `start` "YYYY-MM-DD"). */
  function planJson(g, p, weeks, start) {
    var out = {
      targets: p.targets.slice(),
      known: p.known.slice(),
      steps: p.steps.map(function (s) {
        return { topic: s.topic, title: s.title, hours: s.hours, resources: s.resources.map(function (rid) { return resourceJson(g, rid, s.topic); }) };
      }),
      total_hours: p.totalHours,
    };
    if (weeks && start) {
      out.start = start;
      out.weeks = weeks.map(function (w) {
        return {
          week: w.number,
          from: T.dayText(start, w.firstDay),
          to: T.dayText(start, w.firstDay + 6),
          hours: w.studyHours + w.reviewHours,
          steps: w.study.map(function (s) {
            var o = { topic: s.topic, hours: s.hours };
            if (s.parts > 1) { o.part = s.part; o.parts = s.parts; }
            return o;
          }),
          reviews: w.reviews.map(function (r) {
            var o = { topic: r.topic, due: T.dayText(start, r.day), hours: r.hours };
            if (r.coveredBy) o.covered_by = r.coveredBy;
            return o;
          }),
        };
      });
    }
    return out;
  }

  function mdEscape(text) {
    return text.replace(/([\\`*_\[\]<>#|~])/g, "\\$1");
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  /** The Markdown checklist, byte for byte what `roadmap plan --format markdown` prints. */
  function planMarkdown(g, p, weeks, pace, start) {
    function names(ids) {
      return ids.map(function (t) { return mdEscape(g.topics.get(t).title) + " (`" + t + "`)"; }).join(", ");
    }
    var lines = ["# Study plan: " + p.targets.map(function (t) { return mdEscape(g.topics.get(t).title); }).join(", "), ""];
    lines.push("- Targets: " + names(p.targets));
    if (p.known.length) lines.push("- Already known: " + names(p.known));
    if (p.includeRecommended) lines.push("- Recommended prerequisites included");
    var summary = "- " + plural(p.steps.length, "topic") + ", " + formatHours(p.totalHours) + " h in total";
    if (weeks && pace !== undefined && pace !== null && start) {
      summary += ", " + plural(T.studyWeeks(weeks), "week") + " at " + formatHours(pace) + " h a week from " + start + ", reviews included";
    }
    lines.push(summary, "");
    if (!p.steps.length) {
      lines.push("Nothing to study: every target is already known.");
      return lines.join("\n") + "\n";
    }
    var byId = new Map();
    p.steps.forEach(function (s) { byId.set(s.topic, s); });
    function item(tid, slot) {
      var step = byId.get(tid);
      var text = "- [ ] " + mdEscape(step.title) + " (`" + tid + "`), " + formatHours(step.hours) + " h";
      if (slot && slot.parts > 1) {
        text = "- [ ] " + mdEscape(step.title) + " (`" + tid + "`), part " + slot.part + " of " + slot.parts + ": " +
          formatHours(slot.hours) + " h of " + formatHours(step.hours) + " h";
      }
      var out = [text];
      if (!slot || slot.part === 1) {
        step.resources.forEach(function (rid) {
          var r = g.resources.get(rid);
          out.push("  - [" + mdEscape(r.title) + "](" + r.url.replace(/\(/g, "%28").replace(/\)/g, "%29") + "): " + r.kind + ", " + r.cost + ", " + r.level +
            "; read " + mdEscape(sectionsFor(g, rid, tid)));
        });
      }
      return out;
    }
    if (!weeks || !start) {
      p.steps.forEach(function (s) { lines = lines.concat(item(s.topic, null)); });
    } else {
      T.shownWeeks(weeks).forEach(function (w) {
        lines.push("## Week " + w.number + " (" + T.dayText(start, w.firstDay) + " to " + T.dayText(start, w.firstDay + 6) + "): " +
          formatHours(w.studyHours + w.reviewHours) + " h", "");
        w.study.forEach(function (slot) { lines = lines.concat(item(slot.topic, slot)); });
        w.reviews.forEach(function (r) { lines.push("- [ ] Review " + reviewWords(g, r, true) + ", due " + T.dayText(start, r.day)); });
        lines.push("");
      });
      lines.pop();
    }
    return lines.join("\n") + "\n";
  }

  /** "Title (with Other title)" for a covered review, else "Title, 15 min" (Markdown-escaped with `md`). */
  function reviewWords(g, r, md) {
    function title(tid) { var t = g.topics.get(tid).title; return md ? mdEscape(t) : t; }
    return title(r.topic) + (r.coveredBy ? " (with " + title(r.coveredBy) + ")" : ", " + formatMinutes(r.hours));
  }

  // ---------------------------------------------------------------- state (URL hash, localStorage)

  /** A pace as written (in a link, in storage, in the field): a finite number, or null. */
  function paceNumber(value) {
    if (value === null || value === undefined || String(value).trim() === "") return null;
    var n = Number(value);
    return isFinite(n) ? n : null;
  }

  function paceAllowed(g, pace) {
    return pace !== null && pace >= g.pace.min && pace <= g.pace.max;
  }

  function splitIds(text) {
    return unique(String(text || "").split(",").map(function (s) { return s.trim(); }).filter(Boolean));
  }

  /** Parse "#targets=a,b&known=c&pace=6&rec=1"; keys absent from the hash are absent from the result. */
  function parseHash(hash) {
    var out = {};
    String(hash || "").replace(/^#/, "").split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at < 0) return;
      var name = pair.slice(0, at);
      var value;
      try { value = decodeURIComponent(pair.slice(at + 1)); } catch (e) { return; }
      if (name === "targets" || name === "known") out[name] = splitIds(value);
      else if (name === "pace") { var p = paceNumber(value); if (p !== null) out.pace = p; }
      else if (name === "rec") out.rec = value === "1" || value === "true";
    });
    return out;
  }

  function formatHash(state) {
    return "#targets=" + state.targets.join(",") + "&known=" + state.known.join(",") +
      "&pace=" + state.pace + "&rec=" + (state.rec ? 1 : 0);
  }

  function isPlannerHash(hash) {
    return /(^#|&)(targets|known)=/.test(String(hash || ""));
  }

  function readStored() {
    try {
      var raw = window.localStorage.getItem(STORAGE_KEY);
      if (!raw) return {};
      var data = JSON.parse(raw);
      if (!data || data.version !== 1) return {};
      var out = {};
      if (Array.isArray(data.targets)) out.targets = unique(data.targets.filter(function (x) { return typeof x === "string"; }));
      if (Array.isArray(data.known)) out.known = unique(data.known.filter(function (x) { return typeof x === "string"; }));
      var pace = paceNumber(data.pace);
      if (pace !== null) out.pace = pace;
      if (typeof data.rec === "boolean") out.rec = data.rec;
      return out;
    } catch (e) {
      return {};
    }
  }

  function writeStored(state) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, targets: state.targets, known: state.known, pace: state.pace, rec: state.rec }));
    } catch (e) { /* storage disabled: the URL still carries the state */ }
  }

  /** Hash keys win, then localStorage, then defaults; ids that name no topic are dropped. */
  function initialState(g, hash) {
    var fromHash = parseHash(hash);
    var stored = readStored();
    function pick(name, fallback) {
      if (Object.prototype.hasOwnProperty.call(fromHash, name)) return fromHash[name];
      if (Object.prototype.hasOwnProperty.call(stored, name)) return stored[name];
      return fallback;
    }
    var dropped = [];
    function valid(ids) {
      return ids.filter(function (tid) {
        if (g.topics.has(tid)) return true;
        dropped.push(tid);
        return false;
      });
    }
    // A pace out of range (a link with pace=1e-300 would draw thousands of weeks, or none
    // ever) falls back to the default, and the learner is told; the stored one is then replaced.
    var pace = pick("pace", g.pace.default);
    var refusedPace = null;
    if (!paceAllowed(g, pace)) {
      refusedPace = pace;
      pace = g.pace.default;
    }
    var state = { targets: valid(pick("targets", [])), known: valid(pick("known", [])), pace: pace, rec: pick("rec", false) };
    return { state: state, dropped: unique(dropped), refusedPace: refusedPace };
  }

  // ---------------------------------------------------------------- page plumbing

  function siteUrl(path) {
    var base = SCRIPT_URL ? new URL("../../", SCRIPT_URL) : new URL("./", window.location.href);
    return new URL(path, base).href;
  }

  function topicUrl(tid) { return siteUrl("learn/topics/" + tid + "/"); }

  var dataPromise = null;
  function loadData(url) {
    if (!dataPromise) {
      dataPromise = fetch(url || siteUrl("learn/data/roadmap.json"), { credentials: "same-origin" })
        .then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        })
        .then(buildIndex);
      dataPromise.catch(function () { dataPromise = null; });
    }
    return dataPromise;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        if (name === "text") node.textContent = value;
        else if (name === "className") node.className = value;
        else node.setAttribute(name, value === true ? "" : String(value));
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function progressApi() {
    return window.RoadmapProgress || null;
  }

  function download(filename, text, type) {
    var blob = new Blob([text], { type: type });
    var a = el("a", { href: URL.createObjectURL(blob), download: filename });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  function copyText(text, status) {
    function fallback() {
      var area = el("textarea", { "aria-hidden": "true", className: "rm-offscreen" });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      status(ok ? "Copied." : "Copying is blocked here; select the text and copy it.");
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { status("Copied."); }, fallback);
    } else {
      fallback();
    }
  }

  /** Mark a plan on an SVG roadmap: in-plan and is-target on nodes, in-plan on edges between them. */
  function highlightPlan(svg, steps, targets, closure) {
    var inPlan = new Set(steps);
    var isTarget = new Set(targets);
    svg.classList.add("rm-plan-view");
    svg.querySelectorAll("a.rm-node[data-topic]").forEach(function (node) {
      var tid = node.getAttribute("data-topic");
      node.classList.toggle("in-plan", inPlan.has(tid));
      node.classList.toggle("is-target", isTarget.has(tid) && inPlan.has(tid));
      node.classList.toggle("is-known", !!closure && closure.has(tid));
    });
    svg.querySelectorAll(".rm-edge[data-from][data-to]").forEach(function (edge) {
      edge.classList.toggle("in-plan", inPlan.has(edge.getAttribute("data-from")) && inPlan.has(edge.getAttribute("data-to")));
    });
  }

  function clearPlan(svg) {
    svg.classList.remove("rm-plan-view");
    svg.querySelectorAll(".in-plan, .is-target, .is-known").forEach(function (n) {
      n.classList.remove("in-plan", "is-target", "is-known");
    });
  }

  // ---------------------------------------------------------------- the Planner page

  function Planner(root, g) {
    this.root = root;
    this.g = g;
    this.query = "";
    var init = initialState(g, window.location.hash);
    this.state = init.state;
    this.dropped = init.dropped;
    this.refusedPace = init.refusedPace;
    this.$ = function (sel) { return root.querySelector(sel); };
  }

  Planner.prototype.start = function () {
    var self = this;
    var $ = this.$;
    var form = $(".rm-planner-form");
    if (form) {
      // Every control acts as it changes; the form is never sent (no inline handler: CSP-safe).
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      form.hidden = false;
    }
    var loading = $(".rm-planner-loading");
    if (loading) loading.hidden = true;
    this.root.classList.add("is-ready");

    var search = $("#rm-search");
    if (search) {
      search.addEventListener("input", function () { self.query = search.value; self.renderList(); });
      search.addEventListener("keydown", function (e) {
        if (e.key === "Enter") {
          e.preventDefault();
          var first = self.root.querySelector(".rm-topic-list li:not([hidden]) button[data-act='target']");
          if (first && first.getAttribute("aria-pressed") !== "true") first.click();
        }
      });
    }
    var pace = $("#rm-pace");
    if (pace) {
      pace.value = String(this.state.pace);
      pace.min = String(this.g.pace.min);
      pace.max = String(this.g.pace.max);
      pace.addEventListener("input", function () {
        var p = paceNumber(pace.value);
        var ok = paceAllowed(self.g, p);
        pace.setAttribute("aria-invalid", ok ? "false" : "true");
        if (ok) self.update({ pace: p });
        else if (pace.value.trim() !== "") self.status("Give " + self.paceRange() + " a week; the plan keeps " + formatHours(self.state.pace) + " h until then.");
      });
    }
    var start = $("#rm-start");
    if (start) {
      start.value = startDay();
      start.addEventListener("change", function () {
        var api = progressApi();
        var ok = api && api.isDay(start.value);
        start.setAttribute("aria-invalid", ok || !start.value ? "false" : "true");
        if (ok) api.setStart(start.value);
        else if (api && !start.value) api.setStart(null); // cleared: back to today
        else self.status("Give a date from 2000 to 2100; the timetable keeps starting on " + startDay() + " until then.");
      });
    }
    var rec = $("#rm-rec");
    if (rec) {
      rec.checked = this.state.rec;
      rec.addEventListener("change", function () { self.update({ rec: rec.checked }); });
    }
    this.root.addEventListener("click", function (e) { self.onClick(e); });
    window.addEventListener("hashchange", function () {
      if (!isPlannerHash(window.location.hash)) return;
      var next = initialState(self.g, window.location.hash);
      self.state = next.state;
      self.dropped = next.dropped;
      self.refusedPace = next.refusedPace;
      if (pace) pace.value = String(self.state.pace);
      if (rec) rec.checked = self.state.rec;
      self.render();
    });
    window.addEventListener("mfml:progress", function () {
      // Done and in-progress topics, exercise marks and the start date all change the timetable.
      self.keepFocus(function () { self.result = self.current(); self.renderPlan(); self.renderReady(); self.paintGraph(); });
      if (start && document.activeElement !== start) start.value = startDay();
    });
    this.bindTopicKeys();
    this.loadGraph();
    this.save();
    this.render();
  };

  Planner.prototype.update = function (patch) {
    var s = this.state;
    this.state = {
      targets: patch.targets || s.targets,
      known: patch.known || s.known,
      pace: patch.pace !== undefined ? patch.pace : s.pace,
      rec: patch.rec !== undefined ? patch.rec : s.rec,
    };
    this.dropped = [];
    this.refusedPace = null;
    this.save();
    var self = this;
    this.keepFocus(function () { self.render(); });
  };

  // Re-rendering replaces the plan's steps, the chips and the "ready" list: keep the keyboard
  // focus on the control that had it, or, where that went (a removed chip, a step taken out by
  // "I know this"), on the same control of the next item, the previous one, or the nearest
  // place that stays (the search box for chips, the plan's heading for steps).
  var REGIONS = [
    [".rm-plan-steps", "li.rm-step", "#rm-plan-heading"],
    [".rm-ready-list", "li.rm-ready-item", "#rm-ready-heading"],
    [".rm-chips[data-role='targets']", ".rm-chip", "#rm-search"],
    [".rm-chips[data-role='known']", ".rm-chip", "#rm-search"],
  ];

  function controlKey(control) {
    var tag = control.tagName.toLowerCase();
    if (control.hasAttribute("data-act")) return tag + "[data-act='" + control.getAttribute("data-act") + "']";
    if (control.hasAttribute("data-state")) return tag + "[data-state='" + control.getAttribute("data-state") + "']";
    return tag;
  }

  Planner.prototype.keepFocus = function (render) {
    var active = document.activeElement;
    var region = null;
    var spec = null;
    if (active && active !== document.body && this.root.contains(active)) {
      for (var i = 0; i < REGIONS.length && !region; i++) {
        var r = active.closest(REGIONS[i][0]);
        if (r && this.root.contains(r)) { region = r; spec = REGIONS[i]; }
      }
    }
    if (!region) { render(); return; }
    var item = active.closest(spec[1]);
    var items = Array.from(region.querySelectorAll(spec[1]));
    var index = item ? items.indexOf(item) : -1;
    var topic = item ? item.getAttribute("data-topic") : null;
    var key = controlKey(active);
    render();
    if (active.isConnected && document.activeElement === active) return;
    var now = this.root.querySelector(spec[0]);
    var pick = null;
    if (now) {
      var list = Array.from(now.querySelectorAll(spec[1]));
      var same = topic ? list.filter(function (x) { return x.getAttribute("data-topic") === topic; })[0] : null;
      var candidates = same ? [same] : [list[index], list[index - 1]];
      candidates.forEach(function (c) {
        if (pick || !c) return;
        pick = c.querySelector(key) || c.querySelector("button, a[href]");
      });
    }
    if (!pick) {
      pick = this.root.querySelector(spec[2]) || document.querySelector(spec[2]);
      if (pick && pick.tagName === "H2") pick.setAttribute("tabindex", "-1");
    }
    if (pick) pick.focus();
  };

  // The topic list is one tab stop: arrow keys move through it (up and down between topics,
  // left and right between a topic's link and buttons), so the plan is a few tabs away.
  Planner.prototype.bindTopicKeys = function () {
    var list = this.$(".rm-topic-list");
    if (!list) return;
    var self = this;
    list.addEventListener("keydown", function (e) {
      var cell = e.target.closest("a, button");
      var row = cell && cell.closest("li.rm-topic-row");
      if (!row) return;
      var cells = Array.from(row.querySelectorAll("a, button"));
      var rows = Array.from(list.querySelectorAll("li.rm-topic-row:not([hidden])"));
      var col = cells.indexOf(cell);
      var at = rows.indexOf(row);
      var next = null;
      if (e.key === "ArrowDown" && at + 1 < rows.length) next = rows[at + 1];
      else if (e.key === "ArrowUp" && at > 0) next = rows[at - 1];
      else if (e.key === "Home") next = rows[0];
      else if (e.key === "End") next = rows[rows.length - 1];
      else if (e.key === "ArrowRight" && col + 1 < cells.length) { self.rove(cells[col + 1]); e.preventDefault(); return; }
      else if (e.key === "ArrowLeft" && col > 0) { self.rove(cells[col - 1]); e.preventDefault(); return; }
      else return;
      e.preventDefault();
      if (next) self.rove(next.querySelectorAll("a, button")[Math.min(col, 2)]);
    });
  };

  Planner.prototype.rove = function (target, noFocus) {
    var list = this.$(".rm-topic-list");
    if (!list || !target) return;
    list.querySelectorAll("a, button").forEach(function (c) { c.setAttribute("tabindex", c === target ? "0" : "-1"); });
    if (!noFocus) target.focus();
  };

  Planner.prototype.paceRange = function () {
    return formatHours(this.g.pace.min) + " to " + formatHours(this.g.pace.max) + " hours";
  };

  Planner.prototype.save = function () {
    writeStored(this.state);
    var hash = formatHash(this.state);
    if (window.location.hash !== hash) {
      try { window.history.replaceState(null, "", hash); } catch (e) { /* sandboxed: keep going */ }
    }
  };

  Planner.prototype.toggle = function (list, tid) {
    var ids = this.state[list];
    var next = ids.indexOf(tid) >= 0 ? ids.filter(function (x) { return x !== tid; }) : ids.concat([tid]);
    var patch = {};
    patch[list] = next;
    // A topic is a target or known, not both.
    var other = list === "targets" ? "known" : "targets";
    if (next.indexOf(tid) >= 0 && this.state[other].indexOf(tid) >= 0) {
      patch[other] = this.state[other].filter(function (x) { return x !== tid; });
    }
    this.update(patch);
  };

  Planner.prototype.onClick = function (e) {
    var button = e.target.closest("button[data-act]");
    if (!button || !this.root.contains(button)) return;
    var act = button.getAttribute("data-act");
    var tid = button.getAttribute("data-topic");
    var self = this;
    if (act === "target" || act === "known") this.toggle(act === "target" ? "targets" : "known", tid);
    else if (act === "remove-target") this.update({ targets: this.state.targets.filter(function (x) { return x !== tid; }) });
    else if (act === "remove-known") this.update({ known: this.state.known.filter(function (x) { return x !== tid; }) });
    else if (act === "clear") this.update({ targets: [], known: [] });
    else if (act === "copy-link") copyText(this.shareUrl(), function (m) { self.status(m); });
    else if (act === "copy-md") copyText(this.markdown(), function (m) { self.status(m); });
    else if (act === "download-md") download("study-plan.md", this.markdown(), "text/markdown;charset=utf-8");
    else if (act === "download-json") download("study-plan.json", this.json(), "application/json");
    else if (act === "download-ics") download("study-plan.ics", this.ics(), "text/calendar;charset=utf-8");
    else if (act === "known-from-progress") {
      var api = progressApi();
      if (!api) return;
      var all = api.all();
      var done = Object.keys(all).filter(function (t) { return all[t] === "done" && self.g.topics.has(t); });
      this.update({ known: unique(this.state.known.concat(done)), targets: this.state.targets.filter(function (t) { return done.indexOf(t) < 0; }) });
    }
  };

  /** Count `tids` as known (placement.js: exercises got, or "count it as known"). */
  Planner.prototype.markKnown = function (tids) {
    var drop = new Set(tids);
    this.update({
      known: unique(this.state.known.concat(tids)),
      targets: this.state.targets.filter(function (t) { return !drop.has(t); }),
    });
  };

  /** The known closure if `extra` were known too. */
  Planner.prototype.closureWith = function (extra) {
    return knownClosure(this.g, this.state.known.concat(extra));
  };

  /** The id of the first step after `tid` that stays in the plan once `tid` is known, or null. */
  Planner.prototype.stepAfter = function (tid) {
    var closure = this.closureWith([tid]);
    var steps = this.result.plan.steps.map(function (s) { return s.topic; });
    var rest = steps.slice(steps.indexOf(tid) + 1).filter(function (t) { return !closure.has(t); });
    return rest.length ? rest[0] : null;
  };

  Planner.prototype.status = function (message) {
    var box = this.$(".rm-planner-status");
    if (box) box.textContent = message;
  };

  Planner.prototype.shareUrl = function () {
    return window.location.href.split("#")[0] + formatHash(this.state);
  };

  /** The timetable's first day: the one the learner set (kept in the progress store), else today. */
  function startDay() {
    var api = progressApi();
    return (api && api.start()) || T.today();
  }

  /** The plan and its timetable from the stored progress (done, in progress, skipped, exercises). */
  Planner.prototype.current = function () {
    var p = plan(this.g, this.state.targets, this.state.known, this.state.rec);
    var api = progressApi();
    var start = startDay();
    var progress = api ? T.asProgress(this.g, api.data(), start) : null;
    return { plan: p, weeks: T.timetable(this.g, p.steps, this.state.pace, progress), start: start };
  };

  Planner.prototype.markdown = function () {
    var c = this.current();
    return planMarkdown(this.g, c.plan, c.weeks, this.state.pace, c.start);
  };

  Planner.prototype.json = function () {
    var c = this.current();
    return JSON.stringify(planJson(this.g, c.plan, c.weeks, c.start), null, 2) + "\n";
  };

  Planner.prototype.ics = function () {
    var c = this.current();
    return T.planIcs(this.g, c.plan, c.weeks, this.state.pace, c.start, formatHours);
  };

  Planner.prototype.render = function () {
    this.result = this.current();
    this.closure = knownClosure(this.g, this.state.known);
    this.renderChips();
    this.renderList();
    this.renderPlan();
    this.renderReady();
    this.paintGraph();
    var notes = [];
    if (this.dropped.length) notes.push("Ignored ids that name no topic (renamed or removed?): " + this.dropped.join(", ") + ".");
    if (this.refusedPace !== null) notes.push("A pace of " + this.refusedPace + " hours a week cannot be planned; it must be " + this.paceRange() + ", so the plan uses " + formatHours(this.state.pace) + ".");
    if (notes.length) this.status(notes.join(" "));
  };

  Planner.prototype.renderChips = function () {
    var g = this.g;
    var self = this;
    [["targets", "remove-target", "No target yet: pick one or more topics below."], ["known", "remove-known", "Nothing marked as known."]].forEach(function (spec) {
      var box = self.$(".rm-chips[data-role='" + spec[0] + "']");
      if (!box) return;
      box.textContent = "";
      var ids = self.state[spec[0]];
      if (!ids.length) { box.appendChild(el("span", { className: "rm-chips-empty", text: spec[2] })); return; }
      ids.forEach(function (tid) {
        box.appendChild(el("span", { className: "rm-chip", "data-topic": tid }, [
          g.topics.get(tid).title,
          el("button", { type: "button", className: "rm-chip-remove", "data-act": spec[1], "data-topic": tid, "aria-label": "Remove " + g.topics.get(tid).title, title: "Remove" }, ["×"]),
        ]));
      });
    });
  };

  function matches(t, words) {
    var hay = (t.title + " " + t.id + " " + (t.aliases || []).join(" ") + " " + t.summary + " " + t.area).toLowerCase();
    return words.every(function (w) { return hay.indexOf(w) >= 0; });
  }

  Planner.prototype.renderList = function () {
    var list = this.$(".rm-topic-list");
    if (!list) return;
    var g = this.g;
    var words = this.query.toLowerCase().split(/\s+/).filter(Boolean);
    var targets = new Set(this.state.targets);
    var known = new Set(this.state.known);
    var closure = this.closure;
    var shown = 0;
    if (!list.firstChild || list.getAttribute("data-built") !== "1") {
      list.textContent = "";
      var ul = el("ul", {});
      var stage = null;
      g.sorted.forEach(function (tid) {
        var t = g.topics.get(tid);
        if (t.stage !== stage) {
          stage = t.stage;
          ul.appendChild(el("li", { className: "rm-topic-stage", "data-stage": stage, "aria-hidden": "true", text: g.stageTitle.get(stage) || stage }));
        }
        ul.appendChild(el("li", { className: "rm-topic-row", "data-topic": tid }, [
          el("span", { className: "rm-topic-name" }, [
            el("a", { href: topicUrl(tid), text: t.title }),
            el("span", { className: "rm-topic-meta", text: t.area.replace(/-/g, " ") + " · " + formatHours(t.hours) + " h" }),
          ]),
          el("button", { type: "button", className: "rm-toggle", "data-act": "target", "data-topic": tid, "aria-pressed": "false", "aria-label": "Goal: " + t.title }, ["Goal"]),
          el("button", { type: "button", className: "rm-toggle", "data-act": "known", "data-topic": tid, "aria-pressed": "false", "aria-label": "I know it: " + t.title }, ["I know it"]),
        ]));
      });
      list.appendChild(ul);
      list.setAttribute("data-built", "1");
    }
    var lastStage = null;
    list.querySelectorAll("li").forEach(function (li) {
      if (li.classList.contains("rm-topic-stage")) {
        if (lastStage) lastStage.hidden = !lastStage._any;
        lastStage = li;
        li._any = false;
        return;
      }
      var tid = li.getAttribute("data-topic");
      var ok = !words.length || matches(g.topics.get(tid), words);
      li.hidden = !ok;
      if (ok) { shown++; if (lastStage) lastStage._any = true; }
      li.querySelector("[data-act='target']").setAttribute("aria-pressed", targets.has(tid) ? "true" : "false");
      li.querySelector("[data-act='known']").setAttribute("aria-pressed", known.has(tid) ? "true" : "false");
      li.classList.toggle("is-implied", closure.has(tid) && !known.has(tid));
    });
    if (lastStage) lastStage.hidden = !lastStage._any;
    var current = list.querySelector("[tabindex='0']");
    if (!current || current.closest("li[hidden]")) {
      this.rove(list.querySelector("li.rm-topic-row:not([hidden]) a, li.rm-topic-row:not([hidden]) button"), true);
    }
    var count = this.$(".rm-topic-count");
    if (count) count.textContent = words.length ? plural(shown, "topic") + " match" + (shown === 1 ? "es" : "") : plural(g.ids.length, "topic");
  };

  Planner.prototype.renderPlan = function () {
    var box = this.$(".rm-plan");
    if (!box) return;
    var g = this.g;
    var p = this.result.plan;
    var weeks = this.result.weeks;
    var api = progressApi();
    var progress = api ? api.all() : {};
    var summary = this.$(".rm-plan-summary");
    var steps = this.$(".rm-plan-steps");
    var weekList = this.$(".rm-plan-weeks ol");
    var actions = this.$(".rm-plan-actions");
    if (!steps || !summary) return;
    steps.textContent = "";
    if (weekList) weekList.textContent = "";
    summary.setAttribute("data-steps", String(p.steps.length));
    summary.setAttribute("data-hours", String(p.totalHours));
    summary.setAttribute("data-weeks", String(weeks.length));
    summary.setAttribute("data-study-weeks", String(T.studyWeeks(weeks)));
    summary.setAttribute("data-start", this.result.start);
    box.classList.toggle("is-empty", !p.targets.length);
    if (actions) actions.hidden = !p.targets.length;
    if (!p.targets.length) {
      summary.textContent = "Choose at least one goal to see your plan.";
      return;
    }
    if (!p.steps.length) {
      summary.textContent = "Nothing to study: you already know every goal.";
      return;
    }
    var doneHours = 0.0;
    var doneCount = 0;
    p.steps.forEach(function (s) {
      var state = progress[s.topic];
      if (state === "done" || state === "skipped") { doneHours += s.hours; doneCount++; }
    });
    var text = plural(p.steps.length, "topic") + ", " + formatHours(p.totalHours) + " h in total: " +
      plural(T.studyWeeks(weeks), "week") + " at " + formatHours(this.state.pace) + " h a week from " + this.result.start + ", reviews included.";
    if (doneCount) text += " " + doneCount + " done or skipped; " + formatHours(p.totalHours - doneHours) + " h left.";
    summary.textContent = text;

    var targets = new Set(p.targets);
    var stepWeeks = new Map();
    weeks.forEach(function (w) {
      w.study.forEach(function (s) {
        var list = stepWeeks.get(s.topic) || [];
        list.push(w.number);
        stepWeeks.set(s.topic, list);
      });
    });
    p.steps.forEach(function (s, i) {
      var t = g.topics.get(s.topic);
      var ws = stepWeeks.get(s.topic) || [];
      var when = ws.length > 1 ? "weeks " + ws[0] + "–" + ws[ws.length - 1] : ws.length ? "week " + ws[0] : "not in the timetable";
      var resources = el("ul", { className: "rm-step-resources" });
      s.resources.forEach(function (rid) {
        var r = g.resources.get(rid);
        resources.appendChild(el("li", { "data-resource": rid }, [
          el("a", { href: r.url, rel: "noopener", text: r.title }),
          el("span", { className: "rm-res-meta rm-res-cost-" + r.cost, text: " " + r.kind + " · " + r.cost + " · " + r.level }),
          el("span", { className: "rm-res-read", text: "Read: " + sectionsFor(g, rid, s.topic) }),
        ]));
      });
      if (!s.resources.length) resources.appendChild(el("li", { text: "No resource yet; see the topic page." }));
      var state = progress[s.topic] || "";
      var li = el("li", { className: "rm-step" + (state ? " is-" + state : "") + (targets.has(s.topic) ? " is-target" : ""), "data-topic": s.topic, "data-hours": String(s.hours) }, [
        el("div", { className: "rm-step-head" }, [
          el("a", { className: "rm-step-title", href: topicUrl(s.topic), text: s.title }),
          targets.has(s.topic) ? el("span", { className: "rm-badge", text: "goal" }) : null,
          el("span", { className: "rm-step-meta", text: formatHours(s.hours) + " h · " + when + " · " + (g.stageTitle.get(t.stage) || t.stage) }),
        ]),
        resources,
        el("div", { className: "rm-step-actions" }, [
          el("button", { type: "button", className: "rm-small", "data-act": "check-known", "data-topic": s.topic, title: "Try its exercises, then count it as known" }, ["I know this"]),
          el("div", { className: "rm-progress", "data-topic": s.topic }),
        ]),
      ]);
      li.setAttribute("aria-label", "Step " + (i + 1) + ": " + s.title);
      steps.appendChild(li);
    });
    if (api) api.mount(steps);
    if (weekList) this.renderWeeks(weekList);
    var link = this.$("a.rm-plan-on-roadmap");
    if (link) link.href = siteUrl("learn/roadmap/") + formatHash(this.state);
    var share = this.$("input.rm-share-url");
    if (share) share.value = this.shareUrl();
  };

  /** The timetable: each week with something in it, its dates, what to study and what to review. */
  Planner.prototype.renderWeeks = function (list) {
    var g = this.g;
    var start = this.result.start;
    T.shownWeeks(this.result.weeks).forEach(function (w) {
      var items = el("ul", { className: "rm-week-items" });
      w.study.forEach(function (sl) {
        items.appendChild(el("li", { className: "rm-week-study", "data-topic": sl.topic }, [
          el("span", { className: "rm-week-kind", text: "Study" }),
          " " + g.topics.get(sl.topic).title + ", " + formatHours(sl.hours) + " h" + (sl.parts > 1 ? " (part " + sl.part + " of " + sl.parts + ")" : ""),
        ]));
      });
      w.reviews.forEach(function (r) {
        items.appendChild(el("li", { className: "rm-week-review", "data-topic": r.topic, "data-due": T.dayText(start, r.day) }, [
          el("span", { className: "rm-week-kind", text: "Review" }),
          " " + reviewWords(g, r, false) + ", due " + T.dayText(start, r.day),
        ]));
      });
      list.appendChild(el("li", { "data-week": w.number, className: w.study.length ? "" : "is-review-only" }, [
        el("strong", { text: "Week " + w.number }),
        el("span", { className: "rm-week-dates", text: " " + T.dayText(start, w.firstDay) + " to " + T.dayText(start, w.firstDay + 6) + " · " + formatHours(w.studyHours + w.reviewHours) + " h" }),
        items,
      ]));
    });
  };

  Planner.prototype.renderReady = function () {
    var box = this.$(".rm-ready-list");
    if (!box) return;
    var g = this.g;
    var api = progressApi();
    var progress = api ? api.all() : {};
    var learnt = this.state.known.concat(Object.keys(progress).filter(function (t) {
      return (progress[t] === "done" || progress[t] === "skipped") && g.topics.has(t);
    }));
    var closure = knownClosure(g, learnt);
    var inPlan = new Set(this.result.plan.steps.map(function (s) { return s.topic; }));
    var list = ready(g, learnt, false);
    // Topics of the current plan first, then the rest; each group keeps the stage/area order.
    list = list.filter(function (t) { return inPlan.has(t); }).concat(list.filter(function (t) { return !inPlan.has(t); }));
    box.textContent = "";
    var going = Object.keys(progress).filter(function (t) { return progress[t] === "in-progress" && g.topics.has(t); });
    bySortKey(g, going).forEach(function (tid) {
      box.appendChild(readyItem(g, tid, "in progress", closure));
    });
    list.filter(function (t) { return progress[t] !== "in-progress"; }).forEach(function (tid) {
      box.appendChild(readyItem(g, tid, inPlan.has(tid) ? "in your plan" : "", closure));
    });
    if (!box.firstChild) box.appendChild(el("li", { text: "Nothing left: every topic is known." }));
    if (api) api.mount(box);
  };

  function readyItem(g, tid, badge, closure) {
    var t = g.topics.get(tid);
    var opens = unlocks(g, tid, Array.from(closure));
    return el("li", { "data-topic": tid, className: "rm-ready-item" }, [
      el("a", { href: topicUrl(tid), text: t.title }),
      badge ? el("span", { className: "rm-badge", text: badge }) : null,
      el("span", { className: "rm-step-meta", text: " " + formatHours(t.hours) + " h" + (opens.length ? " · unlocks " + plural(opens.length, "topic") : "") }),
      el("div", { className: "rm-progress", "data-topic": tid }),
    ]);
  }

  Planner.prototype.loadGraph = function () {
    var box = this.$(".rm-plan-graph");
    if (!box) return;
    var self = this;
    // The drawing alone (learn/data/roadmap.svg, written by the generator with links made for
    // this page), not the whole roadmap page.
    fetch(siteUrl("learn/data/roadmap.svg"), { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.text().then(function (t) { return { text: t, url: r.url }; }); })
      .then(function (page) {
        var doc = new DOMParser().parseFromString(page.text, "image/svg+xml");
        var svg = doc.documentElement;
        if (!svg || svg.getAttribute("class") !== "rm-svg") throw new Error("no roadmap drawing");
        // Links in the drawing are relative to the planner page: make them absolute, so they
        // work whatever the page's address.
        svg.querySelectorAll("a").forEach(function (a) {
          var v = a.getAttribute("href");
          if (v && !/^(#|[a-z]+:)/i.test(v)) a.setAttribute("href", new URL(v, siteUrl("planner/")).href);
        });
        var imported = document.importNode(svg, true);
        var holder = self.$(".rm-plan-graph-svg");
        if (!holder) return;
        holder.textContent = "";
        holder.appendChild(imported);
        self.svg = imported;
        self.paintGraph();
        var api = progressApi();
        if (api) api.mount(holder);
      })
      .catch(function () {
        var holder = self.$(".rm-plan-graph-svg");
        if (holder) holder.textContent = "The roadmap graph could not be loaded here; use the link to open it.";
      });
  };

  Planner.prototype.paintGraph = function () {
    if (!this.svg || !this.result) return;
    var topics = this.result.plan.steps.map(function (s) { return s.topic; });
    highlightPlan(this.svg, topics, this.state.targets, this.closure);
    // Bring the start of a new plan into view inside the graph's scroll box (not the page).
    var key = topics.join(",");
    if (key === this.scrolledFor) return;
    this.scrolledFor = key;
    var holder = this.svg.parentNode;
    var first = topics.length ? this.svg.querySelector('a.rm-node[data-topic="' + topics[0] + '"]') : null;
    if (!first || !holder || !first.getBoundingClientRect) return;
    var box = first.getBoundingClientRect();
    var frame = holder.getBoundingClientRect();
    holder.scrollTop += box.top - frame.top - 40;
    holder.scrollLeft += box.left - frame.left - Math.max(0, (frame.width - box.width) / 2);
  };

  // ---------------------------------------------------------------- the roadmap page

  // The roadmap shows the plan in its link, else the one stored by the planner (the roadmap
  // opened from the menu), until "Hide the plan" for this visit.
  function roadmapPage(svg, g) {
    var hidden = false;
    function apply() {
      var old = document.querySelector(".rm-plan-banner");
      var fromLink = isPlannerHash(window.location.hash);
      var stored = readStored();
      if (!fromLink && (hidden || !(stored.targets && stored.targets.length))) {
        clearPlan(svg);
        if (old) old.remove();
        return;
      }
      var init = initialState(g, fromLink ? window.location.hash : "");
      var s = init.state;
      if (!s.targets.length) {
        clearPlan(svg);
        if (old) old.remove();
        return;
      }
      var p = plan(g, s.targets, s.known, s.rec);
      highlightPlan(svg, p.steps.map(function (x) { return x.topic; }), s.targets, knownClosure(g, s.known));
      var api = progressApi();
      var progress = api ? T.asProgress(g, api.data(), startDay()) : null;
      var weeks = T.studyWeeks(T.timetable(g, p.steps, s.pace, progress));
      var banner = el("div", { className: "rm-plan-banner", role: "status" }, [
        el("strong", { text: fromLink ? "The study plan in this link: " : "Your study plan: " }),
        plural(p.steps.length, "topic") + ", " + formatHours(p.totalHours) + " h, " + plural(weeks, "week") + " at " + formatHours(s.pace) + " h a week. ",
        el("a", { href: siteUrl("planner/") + formatHash(s), text: "Edit it in the planner" }),
        " · ",
        el("a", { href: "#", className: "rm-plan-clear", text: "Hide the plan" }),
      ]);
      banner.querySelector(".rm-plan-clear").addEventListener("click", function (e) {
        e.preventDefault();
        hidden = true;
        try { window.history.replaceState(null, "", window.location.pathname + window.location.search); } catch (err) { /* ignore */ }
        apply();
      });
      var graph = svg.closest(".rm-graph") || svg;
      if (old) old.replaceWith(banner);
      else graph.parentNode.insertBefore(banner, graph);
    }
    apply();
    window.addEventListener("hashchange", apply);
  }

  // ---------------------------------------------------------------- start

  var started = new WeakSet();

  function init() {
    try {
      var root = document.getElementById("rm-planner");
      if (root && !started.has(root)) {
        started.add(root);
        loadData(root.getAttribute("data-src") || undefined).then(function (g) {
          var planner = new Planner(root, g);
          planner.start();
          // For placement.js, which adds "check what you know" to this page.
          api.page = planner;
          try { window.dispatchEvent(new CustomEvent("mfml:planner", { detail: planner })); } catch (e) { /* very old browser */ }
        }).catch(function () {
          var box = root.querySelector(".rm-planner-loading");
          if (box) box.textContent = "The planner could not load the roadmap data (learn/data/roadmap.json). Build the site with `roadmap build`, or use `roadmap plan` on the command line.";
        });
        return;
      }
      var svg = document.querySelector(".rm-graph svg.rm-svg");
      var storedPlan = readStored();
      var wanted = isPlannerHash(window.location.hash) || (storedPlan.targets && storedPlan.targets.length);
      if (svg && !started.has(svg) && wanted && !document.querySelector(".rm-progress[data-topic]")) {
        started.add(svg);
        loadData().then(function (g) { roadmapPage(svg, g); }).catch(function () { /* no data: leave the graph as it is */ });
      }
    } catch (e) {
      if (window.console) window.console.warn("planner:", e);
    }
  }

  var api = {
    buildIndex: buildIndex,
    plan: plan,
    timetable: function (g, steps, pace, progress) { return T.timetable(g, steps, pace, progress); },
    asProgress: function (g, stored, start) { return T.asProgress(g, stored, start); },
    planIcs: function (g, p, weeks, pace, start) { return T.planIcs(g, p, weeks, pace, start, formatHours); },
    ready: ready,
    unlocks: unlocks,
    knownClosure: knownClosure,
    bestResources: bestResources,
    planJson: planJson,
    planMarkdown: planMarkdown,
    formatHours: formatHours,
    parseHash: parseHash,
    formatHash: formatHash,
  };

  if (typeof window === "undefined") {
    // Node: hand the core to the parity test; there is no page to fill.
    if (typeof module !== "undefined" && module.exports) module.exports = api;
    return;
  }
  window.RoadmapPlanner = api;

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); // mkdocs-material instant navigation swaps pages without reloading scripts
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
