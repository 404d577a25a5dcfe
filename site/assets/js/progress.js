/* Progress without an account: done / in progress / skipped, exercises marked, the plan's start;
 * kept in this browser only.
 *
 * State: localStorage "mfml-progress-v1" (the key predates the schema's version 2) holds
 *   {"version": 2, "start": "YYYY-MM-DD",                      (optional: the plan's start date)
 *    "topics": {"<id>": {"status": "done" | "in-progress" | "skipped", "on": "YYYY-MM-DD"}},
 *    "exercises": {"<id>": {"<n>": {"mark": "got-it" | "not-yet", "on": "YYYY-MM-DD"}}}}
 * the schema generator/plan/progress_file.py reads (`roadmap plan --progress`). A version 1 state
 * ({"version": 1, "topics": {"<id>": "<status>"}}, no dates) is read as version 2 without `on`,
 * in storage and in imported files. Dates are this browser's local days.
 * Fills every div.rm-progress[data-topic] with the three controls, adds is-done / is-in-progress /
 * is-skipped to a.rm-node[data-topic] in roadmap graphs and offers "mark progress" on the roadmap
 * graph (export and import are progress-tools.js's). Does nothing on a page without those elements. Other scripts use window.RoadmapProgress and the "mfml:progress" event.
 */
(function () {
  "use strict";

  var KEY = "mfml-progress-v1";
  var STATES = ["in-progress", "done", "skipped"];
  var MARK_VALUES = ["got-it", "not-yet"];
  var LABELS = { "in-progress": "In progress", done: "Done", skipped: "Skipped" };
  var CYCLE = [null, "in-progress", "done", "skipped"];
  var MAX_FILE_BYTES = 1024 * 1024; // a progress file is a few kilobytes
  var MAX_ENTRIES = 5000; // far more topics than the roadmap will ever have
  var MAX_EXERCISE = 6; // a topic has 3 to 6 exercises (generator/kb/models.py)
  var memory = empty(); // used when localStorage is unavailable
  var SCRIPT_URL = document.currentScript ? document.currentScript.src : null;

  function empty() { return { version: 2, topics: {}, exercises: {} }; }

  function isId(s) {
    return typeof s === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) && s.length <= 64;
  }

  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

  function isMap(o) { return !!o && typeof o === "object" && !Array.isArray(o); }

  /** A real date written YYYY-MM-DD, from 2000 to 2100 (as progress_file.parse_day). */
  function isDay(s) {
    if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s) || s < "2000-01-01" || s > "2100-12-31") return false;
    var d = new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))));
    return d.toISOString().slice(0, 10) === s;
  }

  /** Today in this browser's time zone, YYYY-MM-DD. */
  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  /** The state in version 2, keeping only well-formed entries (`dropped` counts the others); throws
   * with a message a person can act on when the shape is wrong. Reads versions 1 and 2. */
  function normalise(data) {
    if (!isMap(data)) throw new Error("the file does not hold a progress object");
    if (data.version !== 1 && data.version !== 2) throw new Error("unsupported progress version " + JSON.stringify(data.version) + " (expected 1 or 2)");
    if (!isMap(data.topics)) throw new Error("the file has no \"topics\" object");
    var ids = Object.keys(data.topics);
    if (ids.length > MAX_ENTRIES) throw new Error("the file lists " + ids.length + " topics; a progress file has at most " + MAX_ENTRIES);
    var out = empty();
    var dropped = 0;
    ids.sort().forEach(function (id) {
      var value = data.topics[id];
      var entry = data.version === 1 ? { status: value } : isMap(value) ? value : {};
      var ok = isId(id) && STATES.indexOf(entry.status) >= 0 && (!own(entry, "on") || isDay(entry.on));
      if (!ok) { dropped++; return; }
      out.topics[id] = own(entry, "on") ? { status: entry.status, on: entry.on } : { status: entry.status };
    });
    var exercises = data.version === 2 && own(data, "exercises") ? data.exercises : {};
    if (!isMap(exercises)) throw new Error("the file's \"exercises\" is not an object");
    var tids = Object.keys(exercises);
    if (tids.length > MAX_ENTRIES) throw new Error("the file marks exercises of " + tids.length + " topics; a progress file has at most " + MAX_ENTRIES);
    tids.sort().forEach(function (id) {
      var numbered = exercises[id];
      if (!isId(id) || !isMap(numbered)) { dropped++; return; }
      Object.keys(numbered).forEach(function (n) {
        var m = numbered[n];
        var ok = /^[1-9]$/.test(n) && Number(n) <= MAX_EXERCISE && isMap(m) && MARK_VALUES.indexOf(m.mark) >= 0 && isDay(m.on);
        if (!ok) { dropped++; return; }
        (out.exercises[id] = out.exercises[id] || {})[n] = { mark: m.mark, on: m.on };
      });
    });
    if (data.version === 2 && own(data, "start")) {
      if (isDay(data.start)) out.start = data.start;
      else dropped++;
    }
    Object.defineProperty(out, "dropped", { value: dropped, enumerable: false });
    return out;
  }

  function copy(data) { return normalise(JSON.parse(JSON.stringify(data))); }

  function read() {
    try {
      var raw = window.localStorage.getItem(KEY);
      if (raw === null) return copy(memory);
      return normalise(JSON.parse(raw));
    } catch (e) {
      return copy(memory);
    }
  }

  var storageProblem = null; // why the last write stayed in this tab only, or null

  /** Save `data`; false when the browser would not keep it (storage full or switched off):
   * it then lives in this tab only, and `storageProblem` says why. */
  function write(data) {
    memory = data;
    var saved = true;
    try {
      window.localStorage.setItem(KEY, JSON.stringify(data));
      storageProblem = null;
    } catch (e) {
      saved = false;
      storageProblem = e && e.name === "QuotaExceededError"
        ? "this browser's storage for the site is full"
        : "this browser does not let the site store anything";
    }
    changed();
    return saved;
  }

  /** The topic ids of this roadmap (from learn/data/roadmap.json), or null where it cannot be read. */
  var topicIdsPromise = null;
  function topicIds() {
    if (!topicIdsPromise) {
      var base = SCRIPT_URL ? new URL("../../", SCRIPT_URL) : new URL("./", window.location.href);
      topicIdsPromise = fetch(new URL("learn/data/roadmap.json", base).href, { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
        .then(function (data) {
          var ids = {};
          (data && Array.isArray(data.topics) ? data.topics : []).forEach(function (t) { if (t && isId(t.id)) ids[t.id] = true; });
          return ids;
        })
        .catch(function () { return null; });
    }
    return topicIdsPromise;
  }

  function sameEntry(a, b) { return a.status === b.status && a.on === b.on; }

  /** What importing `incoming` topics would do to `current` ones, merged or replacing them. */
  function difference(current, incoming, replace) {
    var out = { added: 0, changed: 0, removed: 0, kept: 0 };
    Object.keys(incoming).forEach(function (id) {
      if (!own(current, id)) out.added++;
      else if (!sameEntry(current[id], incoming[id])) out.changed++;
      else out.kept++;
    });
    if (replace) Object.keys(current).forEach(function (id) { if (!own(incoming, id)) out.removed++; });
    return out;
  }

  function changed() {
    paintAll(document);
    try { window.dispatchEvent(new CustomEvent("mfml:progress")); } catch (e) { /* very old browser */ }
  }

  function statuses(data) {
    var out = {};
    Object.keys(data.topics).forEach(function (id) { out[id] = data.topics[id].status; });
    return out;
  }

  var api = {
    KEY: KEY,
    STATES: STATES.slice(),
    MARKS: MARK_VALUES.slice(),
    today: today,
    isDay: isDay,
    /** The state of one topic, or null. */
    get: function (id) { return own(read().topics, id) ? read().topics[id].status : null; },
    /** Set (or with null, clear) the state of one topic, dated today. */
    set: function (id, state) {
      if (!isId(id)) return;
      var data = read();
      if (state && STATES.indexOf(state) >= 0) data.topics[id] = { status: state, on: today() };
      else delete data.topics[id];
      write(normalise(data));
    },
    /** Every topic with a state: {id: state}. */
    all: function () { return statuses(read()); },
    /** The whole state, version 2 (a copy): topics with their days, exercise marks, start. */
    data: function () { return read(); },
    /** The marks of a topic's exercises: {"<n>": {mark, on}}. */
    marks: function (id) { var m = read().exercises[id]; return m ? m : {}; },
    /** Mark exercise `n` of topic `id` "got-it" or "not-yet" today (null: unmark). With `total`, the
     * number of the topic's exercises: when every one is got it, the topic is marked done too, and
     * the answer says so ({done: true}). */
    mark: function (id, n, mark, total) {
      var key = String(n);
      if (!isId(id) || !/^[1-9]$/.test(key) || Number(key) > MAX_EXERCISE) return { done: false };
      var data = read();
      var marks = data.exercises[id] || {};
      if (MARK_VALUES.indexOf(mark) >= 0) marks[key] = { mark: mark, on: today() };
      else delete marks[key];
      if (Object.keys(marks).length) data.exercises[id] = marks;
      else delete data.exercises[id];
      var all = total > 0;
      for (var i = 1; all && i <= total; i++) all = own(marks, String(i)) && marks[String(i)].mark === "got-it";
      var done = all && !(own(data.topics, id) && data.topics[id].status === "done");
      if (done) data.topics[id] = { status: "done", on: today() };
      write(normalise(data));
      return { done: done };
    },
    /** The plan's start date (YYYY-MM-DD) the learner set, or null. */
    start: function () { return read().start || null; },
    setStart: function (day) {
      var data = read();
      if (isDay(day)) data.start = day;
      else delete data.start;
      return write(normalise(data));
    },
    /** The state as pretty JSON, for a file (always version 2). */
    exportJson: function () { return JSON.stringify(read(), null, 2) + "\n"; },
    /** Read a progress file (version 1 or 2) without changing anything: {topics, exercises, start,
     * unknown, dropped}, where `topics` and `exercises` hold the usable entries for topics in
     * `known` (all well-formed ones when `known` is null), `unknown` the ids that are no topic here
     * and `dropped` the malformed entries. Throws with a message a person can act on when the file
     * is unusable or holds nothing usable. */
    readImport: function (text, known) {
      var data;
      try { data = JSON.parse(text); } catch (e) { throw new Error("the file is not JSON"); }
      var clean = normalise(data);
      var found = { topics: {}, exercises: {}, start: clean.start || null, unknown: [], dropped: clean.dropped };
      ["topics", "exercises"].forEach(function (part) {
        Object.keys(clean[part]).forEach(function (id) {
          if (!known || known[id]) found[part][id] = clean[part][id];
          else if (found.unknown.indexOf(id) < 0) found.unknown.push(id);
        });
      });
      if (!Object.keys(found.topics).length && !Object.keys(found.exercises).length) {
        throw new Error("the file holds no progress on a topic of this roadmap");
      }
      return found;
    },
    /** Merge what readImport found into the stored progress, or replace it. Returns whether it was saved. */
    apply: function (found, replace) {
      var data = replace ? empty() : read();
      Object.keys(found.topics).forEach(function (id) { data.topics[id] = found.topics[id]; });
      Object.keys(found.exercises || {}).forEach(function (id) {
        data.exercises[id] = Object.assign(data.exercises[id] || {}, found.exercises[id]);
      });
      if (found.start && (replace || !data.start)) data.start = found.start;
      return write(normalise(data));
    },
    /** Put back a whole state, e.g. the one before an import. */
    restore: function (data) { return write(normalise(data)); },
    difference: difference,
    /** The biggest progress file an import reads, in bytes. */
    MAX_FILE_BYTES: MAX_FILE_BYTES,
    /** The topic ids of this roadmap ({id: true}), or null where they cannot be read. */
    topicIds: topicIds,
    /** Why the browser did not keep the last change, or null. */
    storageProblem: function () { return storageProblem; },
    clear: function () { write(empty()); },
    /** Fill progress controls and paint graph nodes inside `root` (for content added later). */
    mount: function (root) { mount(root || document); },
  };

  // ---------------------------------------------------------------- painting

  // A state is never told by colour alone: a node gets a mark in its corner and its name says
  // the state; a list item gets the state in words.
  var MARKS = { done: "✓", "in-progress": "◐", skipped: "–" };

  function paintNodes(root) {
    var topics = api.all();
    root.querySelectorAll("a.rm-node[data-topic]").forEach(function (node) {
      var state = topics[node.getAttribute("data-topic")] || null;
      STATES.forEach(function (s) { node.classList.toggle("is-" + s, state === s); });
      if (!node.hasAttribute("data-label")) node.setAttribute("data-label", node.getAttribute("aria-label") || "");
      var label = node.getAttribute("data-label");
      node.setAttribute("aria-label", state ? label + " (" + LABELS[state].toLowerCase() + ")" : label);
      var mark = node.querySelector("text.rm-state-mark");
      var rect = node.querySelector("rect");
      if (!state || !rect) {
        if (mark) mark.remove();
        return;
      }
      if (!mark) {
        mark = document.createElementNS(node.namespaceURI, "text");
        mark.setAttribute("class", "rm-state-mark");
        mark.setAttribute("aria-hidden", "true");
        node.appendChild(mark);
      }
      mark.setAttribute("x", String(parseFloat(rect.getAttribute("x")) + parseFloat(rect.getAttribute("width")) - 9));
      mark.setAttribute("y", String(parseFloat(rect.getAttribute("y")) + 9));
      mark.textContent = MARKS[state];
    });
  }

  function paintLists(root) {
    var topics = api.all();
    root.querySelectorAll("[data-progress-topic]").forEach(function (item) {
      var state = topics[item.getAttribute("data-progress-topic")] || null;
      STATES.forEach(function (s) { item.classList.toggle("is-" + s, state === s); });
      var badge = item.querySelector(":scope .rm-state-badge");
      if (!state) {
        if (badge) badge.remove();
        return;
      }
      if (!badge) {
        badge = el("span", { class: "rm-state-badge" });
        var link = item.querySelector("a");
        var at = link && link.parentNode === item ? link : (link ? link.parentNode : null);
        if (at && at.parentNode) at.parentNode.insertBefore(badge, at.nextSibling);
        else item.appendChild(badge);
      }
      badge.setAttribute("data-state", state);
      badge.textContent = MARKS[state] + " " + LABELS[state];
    });
  }

  function paintControls(root) {
    var topics = api.all();
    root.querySelectorAll(".rm-progress[data-topic]").forEach(function (box) {
      var state = topics[box.getAttribute("data-topic")] || null;
      box.querySelectorAll("button[data-state]").forEach(function (b) {
        b.setAttribute("aria-pressed", b.getAttribute("data-state") === state ? "true" : "false");
      });
      box.setAttribute("data-state", state || "");
    });
  }

  function paintTools(root) {
    var topics = api.all();
    root.querySelectorAll(".rm-progress-tools .rm-progress-count, .rm-progress-bar .rm-progress-count").forEach(function (out) {
      var counts = { done: 0, "in-progress": 0, skipped: 0 };
      Object.keys(topics).forEach(function (id) { counts[topics[id]]++; });
      out.textContent = counts.done + " done, " + counts["in-progress"] + " in progress, " + counts.skipped + " skipped.";
    });
  }

  function paintAll(root) {
    paintNodes(root);
    paintLists(root);
    paintControls(root);
    paintTools(root);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  // ---------------------------------------------------------------- controls

  function fillControl(box) {
    if (box.getAttribute("data-filled") === "1") return;
    var id = box.getAttribute("data-topic");
    if (!isId(id)) return;
    box.setAttribute("data-filled", "1");
    var group = el("div", { role: "group", "aria-label": "Your progress on this topic", class: "rm-progress-group" });
    STATES.forEach(function (state) {
      var b = el("button", { type: "button", "data-state": state, "aria-pressed": "false", class: "rm-progress-button rm-state-" + state }, LABELS[state]);
      group.appendChild(b);
    });
    group.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-state]");
      if (!b) return;
      var state = b.getAttribute("data-state");
      api.set(id, api.get(id) === state ? null : state);
    });
    box.appendChild(group);
    if (!box.closest("#rm-planner")) {
      box.appendChild(el("span", { class: "rm-progress-note" }, "Saved in this browser only."));
    }
  }

  // On the roadmap graph: a toggle that turns clicks on nodes into progress marks.
  function addGraphBar(graph) {
    if (graph.getAttribute("data-progress-bar") === "1") return;
    var svg = graph.querySelector("svg.rm-svg");
    if (!svg || !svg.querySelector("a.rm-node[data-topic]")) return;
    graph.setAttribute("data-progress-bar", "1");
    var bar = el("div", { class: "rm-progress-bar" });
    var toggle = el("button", { type: "button", class: "rm-button", "aria-pressed": "false", "data-progress": "mark-mode" }, "Mark progress on the graph");
    var count = el("span", { class: "rm-progress-count" });
    var live = el("span", { class: "rm-progress-status", "aria-live": "polite" });
    bar.appendChild(toggle);
    bar.appendChild(count);
    bar.appendChild(live);
    var slot = document.querySelector(".rm-graph-tools");
    if (slot) slot.appendChild(bar);
    else graph.parentNode.insertBefore(bar, graph);
    var on = false;
    toggle.addEventListener("click", function () {
      on = !on;
      toggle.setAttribute("aria-pressed", on ? "true" : "false");
      svg.classList.toggle("rm-marking", on);
      live.textContent = on ? "Click a topic to cycle: in progress, done, skipped, none." : "";
    });
    svg.addEventListener("click", function (e) {
      if (!on) return;
      var node = e.target.closest && e.target.closest("a.rm-node[data-topic]");
      if (!node) return;
      e.preventDefault();
      e.stopPropagation();
      var id = node.getAttribute("data-topic");
      var next = CYCLE[(CYCLE.indexOf(api.get(id)) + 1) % CYCLE.length];
      api.set(id, next);
      var said = (node.getAttribute("data-label") || node.getAttribute("aria-label") || id) + ": " + (next ? LABELS[next].toLowerCase() : "no mark");
      live.textContent = said;
      // Also where the learner is looking: a note beside the topic, for a moment.
      var frame = graph.getBoundingClientRect();
      var box = node.getBoundingClientRect();
      var tip = graph.querySelector(".rm-mark-tip") || el("span", { class: "rm-mark-tip", "aria-hidden": "true" });
      tip.textContent = said;
      tip.style.left = Math.round(box.left - frame.left + graph.scrollLeft) + "px";
      tip.style.top = Math.round(box.bottom - frame.top + graph.scrollTop + 4) + "px";
      graph.appendChild(tip);
      clearTimeout(tip._timer);
      tip._timer = setTimeout(function () { tip.remove(); }, 2500);
    }, true);
  }

  function mount(root) {
    root.querySelectorAll(".rm-progress[data-topic]").forEach(fillControl);
    // The mark-mode bar belongs on the roadmap, not on topic pages (they have their own controls).
    if (root === document && !document.querySelector(".rm-progress[data-topic]") && !document.getElementById("rm-planner")) {
      document.querySelectorAll(".rm-graph").forEach(addGraphBar);
    }
    paintAll(root);
  }

  window.RoadmapProgress = api;

  function init() {
    try {
      mount(document);
    } catch (e) {
      if (window.console) window.console.warn("progress:", e);
    }
  }

  // Another tab changed the progress: show it here too.
  window.addEventListener("storage", function (e) {
    if (e.key === KEY) changed();
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
