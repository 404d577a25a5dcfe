/* Progress without an account: done / in progress / skipped, kept in this browser only.
 *
 * State: localStorage "mfml-progress-v1" = {"version": 1, "topics": {"<id>": "done" | "in-progress" | "skipped"}}.
 * Fills every div.rm-progress[data-topic] with the three controls, adds is-done / is-in-progress /
 * is-skipped to a.rm-node[data-topic] in roadmap graphs, offers "mark progress" on the roadmap graph,
 * and export/import of the state as a JSON file in div.rm-progress-tools. Does nothing on a page
 * without those elements. Other scripts use window.RoadmapProgress and the "mfml:progress" event.
 */
(function () {
  "use strict";

  var KEY = "mfml-progress-v1";
  var STATES = ["in-progress", "done", "skipped"];
  var LABELS = { "in-progress": "In progress", done: "Done", skipped: "Skipped" };
  var CYCLE = [null, "in-progress", "done", "skipped"];
  var memory = { version: 1, topics: {} }; // used when localStorage is unavailable
  var MAX_FILE_BYTES = 1024 * 1024; // a progress file is a few kilobytes
  var MAX_ENTRIES = 5000; // far more topics than the roadmap will ever have
  var SCRIPT_URL = document.currentScript ? document.currentScript.src : null;

  function isId(s) {
    return typeof s === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) && s.length <= 64;
  }

  /** Keep only well-formed entries; throw with a message a person can act on if the shape is wrong. */
  function normalise(data) {
    if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error("the file does not hold a progress object");
    if (data.version !== 1) throw new Error("unsupported progress version " + JSON.stringify(data.version) + " (expected 1)");
    if (!data.topics || typeof data.topics !== "object" || Array.isArray(data.topics)) throw new Error("the file has no \"topics\" object");
    var ids = Object.keys(data.topics);
    if (ids.length > MAX_ENTRIES) throw new Error("the file lists " + ids.length + " topics; a progress file has at most " + MAX_ENTRIES);
    var topics = {};
    ids.sort().forEach(function (id) {
      if (isId(id) && STATES.indexOf(data.topics[id]) >= 0) topics[id] = data.topics[id];
    });
    return { version: 1, topics: topics };
  }

  function read() {
    try {
      var raw = window.localStorage.getItem(KEY);
      if (raw === null) return { version: 1, topics: {} };
      return normalise(JSON.parse(raw));
    } catch (e) {
      return { version: 1, topics: Object.assign({}, memory.topics) };
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

  /** What importing `incoming` would do to `current`, merged or replacing it. */
  function difference(current, incoming, replace) {
    var out = { added: 0, changed: 0, removed: 0, kept: 0 };
    Object.keys(incoming).forEach(function (id) {
      if (!(id in current)) out.added++;
      else if (current[id] !== incoming[id]) out.changed++;
      else out.kept++;
    });
    if (replace) Object.keys(current).forEach(function (id) { if (!(id in incoming)) out.removed++; });
    return out;
  }

  function changed() {
    paintAll(document);
    try { window.dispatchEvent(new CustomEvent("mfml:progress")); } catch (e) { /* very old browser */ }
  }

  var api = {
    KEY: KEY,
    STATES: STATES.slice(),
    /** The state of one topic, or null. */
    get: function (id) { return read().topics[id] || null; },
    /** Set (or with null, clear) the state of one topic. */
    set: function (id, state) {
      if (!isId(id)) return;
      var data = read();
      if (state && STATES.indexOf(state) >= 0) data.topics[id] = state;
      else delete data.topics[id];
      write(normalise(data));
    },
    /** Every topic with a state: {id: state}. */
    all: function () { return read().topics; },
    /** The state as pretty JSON, for a file. */
    exportJson: function () { return JSON.stringify(read(), null, 2) + "\n"; },
    /** Read a progress file without changing anything: {topics, unknown, dropped}, where `topics`
     * holds the usable entries for topics in `known` (all well-formed ones when `known` is null),
     * `unknown` the ids that are no topic here and `dropped` the malformed entries. Throws with a
     * message a person can act on when the file is unusable or holds nothing usable. */
    readImport: function (text, known) {
      var data;
      try { data = JSON.parse(text); } catch (e) { throw new Error("the file is not JSON"); }
      var clean = normalise(data);
      var topics = {};
      var unknown = [];
      Object.keys(clean.topics).forEach(function (id) {
        if (!known || known[id]) topics[id] = clean.topics[id];
        else unknown.push(id);
      });
      var dropped = Object.keys(data.topics).length - Object.keys(clean.topics).length;
      if (!Object.keys(topics).length) throw new Error("the file holds no progress on a topic of this roadmap");
      return { topics: topics, unknown: unknown, dropped: dropped };
    },
    /** Merge `topics` into the stored progress, or replace it with them. Returns whether it was saved. */
    apply: function (topics, replace) {
      var data = replace ? { version: 1, topics: {} } : read();
      Object.keys(topics).forEach(function (id) { data.topics[id] = topics[id]; });
      return write(normalise(data));
    },
    /** Put back a whole state, e.g. the one before an import. */
    restore: function (data) { return write(normalise(data)); },
    difference: difference,
    /** Why the browser did not keep the last change, or null. */
    storageProblem: function () { return storageProblem; },
    clear: function () { write({ version: 1, topics: {} }); },
    /** Fill progress controls and paint graph nodes inside `root` (for content added later). */
    mount: function (root) { mount(root || document); },
  };

  // ---------------------------------------------------------------- painting

  // A state is never told by colour alone: a node gets a mark in its corner and its name says
  // the state; a list item gets the state in words.
  var MARKS = { done: "✓", "in-progress": "◐", skipped: "–" };

  function paintNodes(root) {
    var topics = read().topics;
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
    var topics = read().topics;
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
    var topics = read().topics;
    root.querySelectorAll(".rm-progress[data-topic]").forEach(function (box) {
      var state = topics[box.getAttribute("data-topic")] || null;
      box.querySelectorAll("button[data-state]").forEach(function (b) {
        b.setAttribute("aria-pressed", b.getAttribute("data-state") === state ? "true" : "false");
      });
      box.setAttribute("data-state", state || "");
    });
  }

  function paintTools(root) {
    var topics = read().topics;
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

  function fillTools(box) {
    if (box.getAttribute("data-filled") === "1") return;
    box.setAttribute("data-filled", "1");
    var count = el("p", { class: "rm-progress-count", role: "status" });
    var status = el("p", { class: "rm-progress-status", "aria-live": "polite" });
    var exportButton = el("button", { type: "button", class: "rm-button", "data-progress": "export" }, "Export progress (JSON)");
    var importLabel = el("label", { class: "rm-button rm-file" }, "Import progress…");
    var input = el("input", { type: "file", accept: "application/json,.json", "data-progress": "import" });
    importLabel.appendChild(input);
    var clearButton = el("button", { type: "button", class: "rm-button rm-danger", "data-progress": "clear" }, "Clear progress");
    var row = el("div", { class: "rm-progress-actions" });
    row.appendChild(exportButton);
    row.appendChild(importLabel);
    row.appendChild(clearButton);
    box.appendChild(count);
    box.appendChild(row);
    box.appendChild(status);

    exportButton.addEventListener("click", function () {
      var blob = new Blob([api.exportJson()], { type: "application/json" });
      var a = el("a", { href: URL.createObjectURL(blob), download: "mfml-progress.json" });
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
      status.textContent = "Saved mfml-progress.json.";
    });
    // Importing never changes anything before the learner has seen what it would change and
    // chosen to merge or replace; the state before it can be put back once.
    var review = el("div", { class: "rm-progress-review", hidden: "" });
    var reviewText = el("p", { class: "rm-progress-review-text" });
    var mergeButton = el("button", { type: "button", class: "rm-button", "data-progress": "merge" }, "Merge into my progress");
    var replaceButton = el("button", { type: "button", class: "rm-button rm-danger", "data-progress": "replace" }, "Replace my progress");
    var cancelButton = el("button", { type: "button", class: "rm-button", "data-progress": "cancel" }, "Cancel");
    var undoButton = el("button", { type: "button", class: "rm-button", "data-progress": "undo", hidden: "" }, "Undo the import");
    review.appendChild(reviewText);
    [mergeButton, replaceButton, cancelButton].forEach(function (b) { review.appendChild(b); });
    box.insertBefore(review, status);
    row.appendChild(undoButton);
    var pending = null; // {topics, unknown, dropped} read from the chosen file
    var before = null; // the state before the last import, for one undo

    function plural(n, one, many) { return n + " " + (n === 1 ? one : many || one + "s"); }

    function describe(found) {
      var current = read().topics;
      var merge = difference(current, found.topics, false);
      var replace = difference(current, found.topics, true);
      var parts = ["The file has progress on " + plural(Object.keys(found.topics).length, "topic") + "."];
      if (found.unknown.length) parts.push(plural(found.unknown.length, "entry", "entries") + " for topics this roadmap does not have will be left out.");
      if (found.dropped) parts.push(plural(found.dropped, "malformed entry", "malformed entries") + " will be left out.");
      parts.push("Merging adds " + merge.added + " and changes " + merge.changed + "; replacing also removes " + replace.removed + " of your current marks.");
      return parts.join(" ");
    }

    function closeReview() {
      pending = null;
      review.hidden = true;
      input.value = "";
    }

    function saidSaved(saved, what) {
      status.textContent = saved ? what : what + " Not saved: " + storageProblem + "; it is kept in this tab until you close it.";
    }

    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      if (file.size > MAX_FILE_BYTES) {
        status.textContent = "Not imported: the file is " + Math.round(file.size / 1024) + " KB; a progress file is a few KB.";
        input.value = "";
        return;
      }
      Promise.all([file.text(), topicIds()]).then(function (got) {
        pending = api.readImport(got[0], got[1]);
        reviewText.textContent = describe(pending);
        review.hidden = false;
        status.textContent = "";
        mergeButton.focus();
      }).catch(function (e) {
        closeReview();
        status.textContent = "Not imported: " + e.message + ".";
      });
    });

    function importAs(replace) {
      if (!pending) return;
      var found = pending;
      before = read();
      var saved = api.apply(found.topics, replace);
      closeReview();
      undoButton.hidden = false;
      undoButton.textContent = "Undo the import";
      saidSaved(saved, (replace ? "Replaced your progress with " : "Merged progress on ") + plural(Object.keys(found.topics).length, "topic") + (replace ? "." : " into yours."));
      undoButton.focus();
    }
    mergeButton.addEventListener("click", function () { importAs(false); });
    replaceButton.addEventListener("click", function () { importAs(true); });
    cancelButton.addEventListener("click", function () {
      closeReview();
      status.textContent = "Import cancelled; nothing changed.";
    });
    undoButton.addEventListener("click", function () {
      if (!before) return;
      var saved = api.restore(before);
      before = null;
      undoButton.hidden = true;
      saidSaved(saved, "Undone: your progress is as it was before.");
    });
    var armed = false;
    clearButton.addEventListener("click", function () {
      if (!armed) {
        armed = true;
        clearButton.textContent = "Really clear? Click again";
        setTimeout(function () { armed = false; clearButton.textContent = "Clear progress"; }, 4000);
        return;
      }
      armed = false;
      clearButton.textContent = "Clear progress";
      before = read();
      api.clear();
      undoButton.hidden = false;
      undoButton.textContent = "Undo";
      saidSaved(!storageProblem, "Progress cleared.");
    });
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
    root.querySelectorAll(".rm-progress-tools").forEach(fillTools);
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
