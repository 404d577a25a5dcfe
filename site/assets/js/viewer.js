/* The roadmap viewer: zoom, pan and fit over the server-drawn SVG (which works without it),
 * a details panel for a topic, travel along the arrows by keyboard, and "focus on a topic".
 *
 * It keeps no rules of the graph: edges come from the drawing (data-from / data-to), a topic's
 * details from learn/data/roadmap.json (its resources already ranked), and what a focus shows
 * and where from learn/data/focus/<id>.json (generator/render/focus.py). Only the roadmap page's
 * drawing (`.rm-graph` > `svg.rm-svg` with `data-focus-top`) gets a viewer.
 */
(function () {
  "use strict";

  var MIN_SCALE = 0.15;
  var MAX_SCALE = 3;
  var STEP = 1.25;
  var PAN = 80;
  var NARROW = "(max-width: 44.9375em)";
  var SCRIPT_URL = document.currentScript ? document.currentScript.src : null;

  function dataUrl(path) {
    var base = SCRIPT_URL ? new URL("../../", SCRIPT_URL) : new URL("./", window.location.href);
    return new URL("learn/data/" + path, base).href;
  }

  var dataPromise = null;
  function loadData() {
    if (!dataPromise) {
      dataPromise = fetch(dataUrl("roadmap.json"), { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); });
      dataPromise.catch(function () { dataPromise = null; });
    }
    return dataPromise;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function hoursText(h) {
    return (Math.round(h * 10) / 10) + " h";
  }

  function Viewer(graph, svg) {
    this.graph = graph;
    this.svg = svg;
    this.k = 1;
    this.x = 0;
    this.y = 0;
    this.width = parseFloat(svg.getAttribute("width")) || svg.getBBox().width;
    this.height = parseFloat(svg.getAttribute("height")) || svg.getBBox().height;
    this.top = parseFloat(svg.getAttribute("data-focus-top")) || 0;
    this.nodes = {};
    this.up = {};
    this.down = {};
    this.focus = null; // {topic, members, box} while focused on a topic
    this.options = null; // {list, from, dir}: where the last up/down move could have gone
    var self = this;
    svg.querySelectorAll("a.rm-node[data-topic]").forEach(function (node) {
      self.nodes[node.getAttribute("data-topic")] = node;
    });
    svg.querySelectorAll(".rm-edges .rm-edge[data-from]").forEach(function (edge) {
      var from = edge.getAttribute("data-from");
      var to = edge.getAttribute("data-to");
      (self.down[from] = self.down[from] || []).push(to);
      (self.up[to] = self.up[to] || []).push(from);
    });
  }

  Viewer.prototype.build = function () {
    var self = this;
    var graph = this.graph;
    var wrap = el("div", { class: "rm-viewer" });
    graph.parentNode.insertBefore(wrap, graph);
    var tools = el("div", { class: "rm-viewer-tools", role: "toolbar", "aria-label": "Roadmap view" }, [
      el("button", { type: "button", class: "rm-button", "data-view": "in", "aria-keyshortcuts": "+" }, ["Zoom in"]),
      el("button", { type: "button", class: "rm-button", "data-view": "out", "aria-keyshortcuts": "-" }, ["Zoom out"]),
      el("button", { type: "button", class: "rm-button", "data-view": "fit", "aria-keyshortcuts": "0" }, ["Fit to screen"]),
      el("button", { type: "button", class: "rm-button", "data-view": "whole", hidden: "" }, ["Show the whole roadmap"]),
      el("button", { type: "button", class: "rm-button rm-viewer-close", "data-view": "close" }, ["Close the graph"]),
    ]);
    this.focusNote = el("p", { class: "rm-viewer-focus-note", hidden: "" });
    var help = el("p", { class: "rm-viewer-help", id: "rm-viewer-help" }, [
      "Drag to move, wheel or pinch to zoom. On a topic: Enter for its details, arrow keys to follow the arrows (up: what it builds on, down: what it unlocks), F to show only its chain.",
    ]);
    this.live = el("p", { class: "rm-visually-hidden rm-viewer-live", "aria-live": "polite" });
    this.panel = el("section", { class: "rm-panel", hidden: "", "aria-labelledby": "rm-panel-title" });
    wrap.appendChild(tools);
    wrap.appendChild(help);
    wrap.appendChild(this.focusNote);
    wrap.appendChild(graph);
    wrap.appendChild(this.panel);
    wrap.appendChild(this.live);
    this.wrap = wrap;
    this.tools = tools;
    graph.classList.add("rm-viewport");
    graph.setAttribute("tabindex", "0");
    graph.setAttribute("aria-describedby", "rm-viewer-help");
    this.svg.style.transformOrigin = "0 0";
    document.documentElement.classList.add("rm-has-viewer");

    tools.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-view]");
      if (!b) return;
      var act = b.getAttribute("data-view");
      if (act === "in") self.zoomBy(STEP);
      else if (act === "out") self.zoomBy(1 / STEP);
      else if (act === "fit") self.fit();
      else if (act === "whole") self.unfocus(true);
      else if (act === "close") self.collapse(true);
    });
    this.bindPointer();
    this.bindKeys();
    // The browser scrolls a box to show what gets focus, even one that does not scroll: turn
    // that into a pan of the drawing.
    graph.addEventListener("scroll", function () {
      if (!graph.scrollLeft && !graph.scrollTop) return;
      self.x -= graph.scrollLeft;
      self.y -= graph.scrollTop;
      graph.scrollLeft = 0;
      graph.scrollTop = 0;
      self.apply();
    });
    this.svg.addEventListener("focusin", function (e) {
      var node = e.target.closest && e.target.closest("a.rm-node");
      if (node) self.show(node);
    });
    window.addEventListener("resize", function () { self.clamp(); self.apply(); });

    if (window.matchMedia && window.matchMedia(NARROW).matches) this.collapse(false);
    else this.fitWidth();
  };

  // ------------------------------------------------------------------ transform

  // The part of the box the drawing is seen in: all of it, less the details panel where that
  // lies over it (on a wide screen).
  Viewer.prototype.view = function () {
    var w = this.graph.clientWidth;
    if (!this.panel.hidden && window.getComputedStyle(this.panel).position === "absolute") {
      w = Math.max(w / 2, w - this.panel.offsetWidth - 16);
    }
    return { w: w, h: this.graph.clientHeight };
  };

  Viewer.prototype.apply = function () {
    this.svg.style.transform = "translate(" + Math.round(this.x) + "px, " + Math.round(this.y) + "px) scale(" + this.k.toFixed(4) + ")";
    this.graph.setAttribute("data-scale", this.k.toFixed(3));
  };

  // Keep some of the drawing on screen whatever the pan.
  Viewer.prototype.clamp = function () {
    var v = this.view();
    var box = this.box();
    var left = box.x * this.k;
    var right = (box.x + box.w) * this.k;
    var top = box.y * this.k;
    var bottom = (box.y + box.h) * this.k;
    var margin = 60;
    this.x = Math.min(Math.max(this.x, margin - right), v.w - margin - left);
    this.y = Math.min(Math.max(this.y, margin - bottom), v.h - margin - top);
  };

  Viewer.prototype.box = function () {
    if (this.focus) return this.focus.box;
    return { x: 0, y: 0, w: this.width, h: this.height };
  };

  Viewer.prototype.zoomTo = function (k, cx, cy) {
    var v = this.view();
    if (cx === undefined) { cx = v.w / 2; cy = v.h / 2; }
    k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, k));
    // The point under (cx, cy) stays where it is.
    this.x = cx - (cx - this.x) * (k / this.k);
    this.y = cy - (cy - this.y) * (k / this.k);
    this.k = k;
    this.clamp();
    this.apply();
  };

  Viewer.prototype.zoomBy = function (factor, cx, cy) {
    this.zoomTo(this.k * factor, cx, cy);
  };

  Viewer.prototype.fitBox = function (box, widthOnly) {
    var v = this.view();
    if (!v.w || !v.h) return;
    var pad = 16;
    var k = (v.w - 2 * pad) / box.w;
    if (!widthOnly) k = Math.min(k, (v.h - 2 * pad) / box.h);
    this.k = Math.min(widthOnly ? 1 : MAX_SCALE, Math.max(MIN_SCALE, k));
    this.x = (v.w - box.w * this.k) / 2 - box.x * this.k;
    this.y = widthOnly ? pad - box.y * this.k : (v.h - box.h * this.k) / 2 - box.y * this.k;
    this.apply();
  };

  Viewer.prototype.fit = function () { this.fitBox(this.box(), false); };
  Viewer.prototype.fitWidth = function () { this.fitBox(this.box(), true); };

  // Pan so that `node` is in view (it just got focus).
  Viewer.prototype.show = function (node) {
    var rect = node.querySelector("rect");
    if (!rect) return;
    var b = this.nodeBox(node);
    var v = this.view();
    var left = this.x + b.x * this.k;
    var top = this.y + b.y * this.k;
    var w = b.w * this.k;
    var h = b.h * this.k;
    var pad = 24;
    if (left < pad || top < pad || left + w > v.w - pad || top + h > v.h - pad) {
      this.x += v.w / 2 - (left + w / 2);
      this.y += v.h / 2 - (top + h / 2);
      this.apply();
    }
  };

  // A node's box in drawing coordinates, where it is drawn now (moved by a focus or not).
  Viewer.prototype.nodeBox = function (node) {
    var rect = node.querySelector("rect");
    var shift = node._shift || [0, 0];
    return {
      x: parseFloat(rect.getAttribute("x")) + shift[0],
      y: parseFloat(rect.getAttribute("y")) + shift[1],
      w: parseFloat(rect.getAttribute("width")),
      h: parseFloat(rect.getAttribute("height")),
    };
  };

  // ------------------------------------------------------------------ mouse and touch

  Viewer.prototype.bindPointer = function () {
    var self = this;
    var graph = this.graph;
    var pointers = new Map();
    var start = null; // {x, y, k, px, py, dist, mid}
    var dragged = false;

    function snapshot() {
      var pts = Array.from(pointers.values());
      var s = { x: self.x, y: self.y, k: self.k, px: pts[0].x, py: pts[0].y, dist: 0, mid: null };
      if (pts.length > 1) {
        s.dist = Math.hypot(pts[1].x - pts[0].x, pts[1].y - pts[0].y) || 1;
        s.mid = { x: (pts[0].x + pts[1].x) / 2, y: (pts[0].y + pts[1].y) / 2 };
      }
      return s;
    }

    function local(e) {
      var r = graph.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    }

    graph.addEventListener("pointerdown", function (e) {
      if (e.pointerType === "mouse" && e.button !== 0) return;
      pointers.set(e.pointerId, local(e));
      start = snapshot();
      if (pointers.size === 1) dragged = false;
    });
    graph.addEventListener("pointermove", function (e) {
      if (!pointers.has(e.pointerId) || !start) return;
      pointers.set(e.pointerId, local(e));
      var pts = Array.from(pointers.values());
      if (pts.length > 1 && start.mid) {
        var dist = Math.hypot(pts[1].x - pts[0].x, pts[1].y - pts[0].y) || 1;
        var mid = { x: (pts[0].x + pts[1].x) / 2, y: (pts[0].y + pts[1].y) / 2 };
        var k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, start.k * dist / start.dist));
        self.x = mid.x - (start.mid.x - start.x) * (k / start.k);
        self.y = mid.y - (start.mid.y - start.y) * (k / start.k);
        self.k = k;
        dragged = true;
      } else {
        var dx = pts[0].x - start.px;
        var dy = pts[0].y - start.py;
        if (!dragged && Math.hypot(dx, dy) < 5) return;
        if (!dragged) {
          dragged = true;
          // Captured only once it is a drag: a capture from the start would take the click
          // away from the topic under the pointer.
          try { graph.setPointerCapture(e.pointerId); } catch (err) { /* gone already */ }
        }
        self.x = start.x + dx;
        self.y = start.y + dy;
      }
      self.clamp();
      self.apply();
      e.preventDefault();
    });
    function end(e) {
      if (!pointers.delete(e.pointerId)) return;
      start = pointers.size ? snapshot() : null;
    }
    graph.addEventListener("pointerup", end);
    graph.addEventListener("pointercancel", end);
    // A drag that ends on a topic is not a click on it.
    graph.addEventListener("click", function (e) {
      if (dragged) {
        dragged = false;
        e.preventDefault();
        e.stopPropagation();
      }
    }, true);
    graph.addEventListener("wheel", function (e) {
      e.preventDefault();
      var p = local(e);
      var delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
      self.zoomBy(Math.exp(-delta * 0.0015), p.x, p.y);
    }, { passive: false });
    graph.addEventListener("click", function (e) {
      if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      var node = e.target.closest && e.target.closest("a.rm-node[data-topic]");
      if (!node) return;
      e.preventDefault();
      self.details(node.getAttribute("data-topic"), false);
    });
  };

  // ------------------------------------------------------------------ keyboard

  Viewer.prototype.bindKeys = function () {
    var self = this;
    this.graph.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      var node = e.target.closest && e.target.closest("a.rm-node");
      var topic = node ? node.getAttribute("data-topic") : null;
      var key = e.key;
      var done = true;
      if (key === "+" || key === "=") self.zoomBy(STEP);
      else if (key === "-" || key === "_") self.zoomBy(1 / STEP);
      else if (key === "0") self.fit();
      else if (topic && key === "Enter") self.details(topic, true);
      else if (topic && (key === "f" || key === "F")) self.focusOn(topic);
      else if (topic && /^Arrow/.test(key)) self.travel(topic, key);
      else if (!node && key === "ArrowLeft") { self.x += PAN; self.clamp(); self.apply(); }
      else if (!node && key === "ArrowRight") { self.x -= PAN; self.clamp(); self.apply(); }
      else if (!node && key === "ArrowUp") { self.y += PAN; self.clamp(); self.apply(); }
      else if (!node && key === "ArrowDown") { self.y -= PAN; self.clamp(); self.apply(); }
      else if (key === "Escape" && self.focus) self.unfocus(true);
      else done = false;
      if (done) e.preventDefault();
    });
    this.panel.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); self.closeDetails(true); }
    });
  };

  Viewer.prototype.visible = function (tid) {
    return !!this.nodes[tid] && (!this.focus || this.focus.members.has(tid));
  };

  Viewer.prototype.title = function (tid) {
    var node = this.nodes[tid];
    return node ? node.getAttribute("data-label") || node.getAttribute("aria-label") : tid;
  };

  Viewer.prototype.names = function (ids) {
    var self = this;
    return ids.map(function (t) { return self.title(t); }).join(", ");
  };

  Viewer.prototype.byX = function (ids) {
    var self = this;
    return ids.filter(function (t) { return self.visible(t); }).sort(function (a, b) {
      return self.nodeBox(self.nodes[a]).x - self.nodeBox(self.nodes[b]).x;
    });
  };

  Viewer.prototype.travel = function (tid, key) {
    var self = this;
    var here = this.nodeBox(this.nodes[tid]);
    var next = null;
    var where = "";
    if (key === "ArrowUp" || key === "ArrowDown") {
      var list = this.byX((key === "ArrowUp" ? this.up : this.down)[tid] || []);
      if (!list.length) {
        this.say(this.title(tid) + (key === "ArrowUp" ? " builds on nothing: it is a starting point." : " unlocks nothing more on this roadmap."));
        return;
      }
      // The one nearest below or above, then left and right through the others.
      next = list.slice().sort(function (a, b) {
        return Math.abs(self.nodeBox(self.nodes[a]).x - here.x) - Math.abs(self.nodeBox(self.nodes[b]).x - here.x);
      })[0];
      this.options = { list: list, from: tid, up: key === "ArrowUp" };
    } else {
      var o = this.options;
      if (!o || o.list.indexOf(tid) < 0 || o.list.length < 2) {
        this.say("Left and right arrows go through the other topics reached from the same one; use up and down first.");
        return;
      }
      var i = o.list.indexOf(tid) + (key === "ArrowRight" ? 1 : -1);
      next = o.list[(i + o.list.length) % o.list.length];
    }
    var o2 = this.options;
    var pos = o2.list.indexOf(next) + 1;
    where = (o2.up ? "builds on it, " : "unlocked by it, ") + pos + " of " + o2.list.length + " from " + this.title(o2.from);
    this.nodes[next].focus({ preventScroll: true });
    this.show(this.nodes[next]);
    this.say(this.describe(next, where));
  };

  Viewer.prototype.describe = function (tid, where) {
    var up = this.byX(this.up[tid] || []);
    var down = this.byX(this.down[tid] || []);
    var parts = [this.title(tid) + (where ? " (" + where + ")." : ".")];
    parts.push(up.length ? "Builds on " + up.length + ": " + this.names(up) + "." : "A starting point.");
    parts.push(down.length ? "Unlocks " + down.length + ": " + this.names(down) + "." : "Unlocks nothing more.");
    return parts.join(" ");
  };

  Viewer.prototype.say = function (text) {
    var live = this.live;
    // Cleared first, so the same sentence twice is read twice.
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 30);
  };

  // ------------------------------------------------------------------ details

  Viewer.prototype.details = function (tid, moveFocus) {
    var self = this;
    this.current = tid;
    loadData().then(function (data) {
      self.fillDetails(data, tid);
      if (moveFocus) {
        var heading = self.panel.querySelector("h2");
        if (heading) heading.focus();
      }
    }).catch(function () {
      // No data file: the topic's own page has everything.
      window.location.href = self.nodes[tid].getAttribute("href");
    });
  };

  Viewer.prototype.fillDetails = function (data, tid) {
    var self = this;
    var topics = {};
    var resources = {};
    var stages = {};
    (data.topics || []).forEach(function (t) { topics[t.id] = t; });
    (data.resources || []).forEach(function (r) { resources[r.id] = r; });
    (data.stages || []).forEach(function (s) { stages[s.id] = s; });
    var t = topics[tid];
    if (!t) return;
    var panel = this.panel;
    panel.textContent = "";
    var stage = stages[t.stage];
    var pres = el("ul", { class: "rm-panel-pres" });
    (t.prerequisites || []).forEach(function (p) {
      var other = topics[p.topic];
      if (!other) return;
      pres.appendChild(el("li", {}, [
        el("button", { type: "button", class: "rm-link-button", "data-details": p.topic }, [other.title]),
        " (" + p.strength + ")" + (p.reason ? ": " + p.reason : ""),
      ]));
    });
    var best = el("ul", { class: "rm-panel-resources" });
    (t.resources || []).slice(0, 3).forEach(function (rid) {
      var r = resources[rid];
      if (!r) return;
      best.appendChild(el("li", {}, [
        el("a", { href: r.url, rel: "noopener" }, [r.title]),
        el("span", { class: "rm-panel-meta", text: " " + r.kind + " · " + r.cost + " · " + r.level }),
        el("span", { class: "rm-panel-read", text: "Read: " + ((t.sections || {})[rid] || "") }),
      ]));
    });
    var dependents = this.down[tid] || [];
    panel.appendChild(el("div", { class: "rm-panel-head" }, [
      el("h2", { id: "rm-panel-title", tabindex: "-1" }, [t.title]),
      el("button", { type: "button", class: "rm-button", "data-details-act": "close" }, ["Close"]),
    ]));
    panel.appendChild(el("p", { class: "rm-panel-meta" }, [
      hoursText(t.hours) + (stage ? " · Step " + stage.order + ": " + stage.title : "") +
      (dependents.length ? " · unlocks " + dependents.length + (dependents.length === 1 ? " topic" : " topics") : ""),
    ]));
    panel.appendChild(el("p", { class: "rm-panel-summary" }, [t.summary]));
    panel.appendChild(el("h3", {}, ["What it builds on"]));
    if (pres.firstChild) panel.appendChild(pres);
    else panel.appendChild(el("p", {}, ["Nothing: it is a starting point."]));
    panel.appendChild(el("h3", {}, ["Best resources"]));
    panel.appendChild(best.firstChild ? best : el("p", {}, ["None yet; see the topic page."]));
    panel.appendChild(el("h3", {}, ["Your progress"]));
    panel.appendChild(el("div", { class: "rm-progress", "data-topic": tid }));
    panel.appendChild(el("p", { class: "rm-panel-actions" }, [
      el("a", { class: "md-button md-button--primary", href: this.nodes[tid].getAttribute("href") }, ["Open the topic page"]),
      " ",
      this.focus && this.focus.topic === tid ? null : el("button", { type: "button", class: "rm-button", "data-details-act": "focus" }, ["Show only its chain"]),
    ]));
    if (window.RoadmapProgress) window.RoadmapProgress.mount(panel);
    panel.hidden = false;
    this.wrap.classList.add("has-details");
    if (!panel._bound) {
      panel._bound = true;
      panel.addEventListener("click", function (e) {
        var b = e.target.closest("button");
        if (!b) return;
        if (b.getAttribute("data-details-act") === "close") self.closeDetails(true);
        else if (b.getAttribute("data-details-act") === "focus") self.focusOn(self.current);
        else if (b.hasAttribute("data-details")) {
          var other = b.getAttribute("data-details");
          self.nodes[other].focus({ preventScroll: true });
          self.show(self.nodes[other]);
          self.details(other, true);
        }
      });
    }
  };

  Viewer.prototype.closeDetails = function (returnFocus) {
    this.panel.hidden = true;
    this.wrap.classList.remove("has-details");
    var node = this.current && this.nodes[this.current];
    if (returnFocus && node) node.focus({ preventScroll: true });
  };

  // ------------------------------------------------------------------ focus on a topic

  Viewer.prototype.focusOn = function (tid) {
    var self = this;
    fetch(dataUrl("focus/" + tid + ".json"), { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (drawing) { self.applyFocus(tid, drawing); })
      .catch(function () { self.say("This roadmap has no focused drawing for " + self.title(tid) + "."); });
  };

  Viewer.prototype.applyFocus = function (tid, drawing) {
    var self = this;
    if (this.focus) this.unfocus(false);
    var top = this.top;
    var members = new Set(Object.keys(drawing.nodes || {}));
    Object.keys(this.nodes).forEach(function (id) {
      var node = self.nodes[id];
      var at = drawing.nodes[id];
      if (!at) {
        node.classList.add("is-out");
        node.setAttribute("tabindex", "-1");
        return;
      }
      var rect = node.querySelector("rect");
      node._shift = [at[0] - parseFloat(rect.getAttribute("x")), at[1] + top - parseFloat(rect.getAttribute("y"))];
      node.setAttribute("transform", "translate(" + node._shift[0] + " " + node._shift[1] + ")");
    });
    this.svg.querySelectorAll(".rm-edges .rm-edge[data-from]").forEach(function (edge) {
      var d = drawing.edges[edge.getAttribute("data-from") + " " + edge.getAttribute("data-to")];
      if (d === undefined) { edge.classList.add("is-out"); return; }
      edge.setAttribute("data-d", edge.getAttribute("d"));
      edge.setAttribute("d", d);
      edge.setAttribute("transform", "translate(0 " + top + ")");
    });
    this.svg.classList.add("is-focus-mode");
    this.focus = { topic: tid, members: members, box: { x: 0, y: top, w: drawing.width, h: drawing.height } };
    this.options = null;
    var before = this.byX(Array.from(members)).length;
    this.tools.querySelector("[data-view='whole']").hidden = false;
    this.focusNote.hidden = false;
    this.focusNote.textContent = "Showing only " + this.title(tid) + ", what it builds on and what it unlocks: " + before + " topics.";
    this.fit();
    this.nodes[tid].focus({ preventScroll: true });
    this.say(this.focusNote.textContent);
    if (!this.panel.hidden && this.current) this.details(this.current, false);
  };

  Viewer.prototype.unfocus = function (announce) {
    if (!this.focus) return;
    var self = this;
    var was = this.focus.topic;
    Object.keys(this.nodes).forEach(function (id) {
      var node = self.nodes[id];
      node.classList.remove("is-out");
      node.removeAttribute("tabindex");
      node.removeAttribute("transform");
      node._shift = null;
    });
    this.svg.querySelectorAll(".rm-edges .rm-edge[data-from]").forEach(function (edge) {
      edge.classList.remove("is-out");
      if (edge.hasAttribute("data-d")) {
        edge.setAttribute("d", edge.getAttribute("data-d"));
        edge.removeAttribute("data-d");
        edge.removeAttribute("transform");
      }
    });
    this.svg.classList.remove("is-focus-mode");
    this.focus = null;
    this.tools.querySelector("[data-view='whole']").hidden = true;
    this.focusNote.hidden = true;
    this.fitWidth();
    if (announce) {
      this.nodes[was].focus({ preventScroll: true });
      this.show(this.nodes[was]);
      this.say("Showing the whole roadmap.");
      if (!this.panel.hidden && this.current) this.details(this.current, false);
    }
  };

  // ------------------------------------------------------------------ phones

  // On a narrow screen the list comes first: the viewer waits behind one button, and opens
  // over the whole screen.
  Viewer.prototype.collapse = function (returnFocus) {
    var self = this;
    this.wrap.classList.remove("is-open");
    this.wrap.classList.add("is-collapsed");
    document.documentElement.classList.remove("rm-viewer-open");
    if (!this.opener) {
      this.opener = el("button", { type: "button", class: "md-button rm-viewer-open" }, ["Open the roadmap graph"]);
      this.opener.addEventListener("click", function () { self.expand(); });
      var slot = document.querySelector(".rm-graph-tools");
      if (slot) slot.appendChild(this.opener);
      else this.wrap.parentNode.insertBefore(this.opener, this.wrap);
    }
    this.opener.hidden = false;
    if (returnFocus) this.opener.focus();
  };

  Viewer.prototype.expand = function () {
    this.wrap.classList.remove("is-collapsed");
    this.wrap.classList.add("is-open");
    document.documentElement.classList.add("rm-viewer-open");
    if (this.opener) this.opener.hidden = true;
    this.fit();
    this.graph.focus({ preventScroll: true });
  };

  // ------------------------------------------------------------------ start

  function init() {
    document.querySelectorAll(".rm-graph").forEach(function (graph) {
      var svg = graph.querySelector(":scope > svg.rm-svg[data-focus-top]");
      if (!svg || graph.getAttribute("data-viewer") || graph.closest("#rm-planner")) return;
      graph.setAttribute("data-viewer", "1");
      try {
        new Viewer(graph, svg).build();
      } catch (e) {
        if (window.console) window.console.warn("viewer:", e);
      }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
