/* Placement in the planner: find out what you know from the topics' own exercises.
 *
 * - "I know this" on a step of the plan opens its exercises (questions, each solution on demand,
 *   got it / not yet); when every one is got it, the topic counts as known. "Count it as known"
 *   skips the exercises.
 * - "Check what you know" takes one exercise of each topic of the plan, prerequisites first: a
 *   topic answered "got it" counts as known with everything it requires; a topic answered "not
 *   yet" is to study, and so is everything that requires it, which is not asked.
 *
 * The exercises come from learn/data/exercises/<id>.json, written by the generator with the
 * question and solution already rendered and sanitised (generator/render/exercises.py): that
 * HTML, and nothing read from storage, is what goes into the page as markup. Marks go to the
 * progress store (progress.js). Needs planner.js's page (window.RoadmapPlanner.page); does
 * nothing elsewhere.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var SCRIPT_URL = script && script.src ? script.src : null;
  var cache = new Map();

  function siteUrl(path) {
    var base = SCRIPT_URL ? new URL("../../", SCRIPT_URL) : new URL("./", window.location.href);
    return new URL(path, base).href;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, String(value));
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  /** Generator-made, sanitised HTML (the exercises file), into a fresh element. */
  function rendered(className, html) {
    var box = el("div", { class: className });
    box.innerHTML = html;
    return box;
  }

  /** A topic's exercises, checked for shape: [{number, label, question, solution}]. */
  function exercises(tid) {
    if (!cache.has(tid)) {
      var got = fetch(siteUrl("learn/data/exercises/" + tid + ".json"), { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
        .then(function (data) {
          var list = data && Array.isArray(data.exercises) ? data.exercises.slice(0, 6) : [];
          list = list.filter(function (x) {
            return x && /^[1-6]$/.test(String(x.number)) && typeof x.label === "string" &&
              typeof x.question === "string" && typeof x.solution === "string";
          });
          if (!list.length) throw new Error("no exercises");
          return list;
        });
      got.catch(function () { cache.delete(tid); });
      cache.set(tid, got);
    }
    return cache.get(tid);
  }

  function exerciseBlock(tid, x, total, withMarks) {
    return el("section", { class: "rm-exercise", "data-topic": tid, "data-exercise": x.number, "aria-label": "Exercise " + x.number }, [
      el("p", { class: "rm-exercise-head" }, [el("strong", { text: "Exercise " + x.number }), " ", el("span", { class: "rm-tag rm-tag--kind", text: x.label })]),
      rendered("rm-prose", x.question),
      el("details", { class: "rm-solution" }, [el("summary", { text: "Solution to exercise " + x.number }), rendered("rm-prose", x.solution)]),
      withMarks ? el("div", { class: "rm-exercise-mark", "data-topic": tid, "data-exercise": x.number, "data-total": total }) : null,
    ]);
  }

  function Placement(planner, box) {
    this.planner = planner;
    this.box = box;
    this.topic = null; // the topic whose exercises are open
    this.round = null; // {queue, asked, known, study, current}
  }

  function focusOn(node) {
    if (!node) return;
    if (/^H[1-6]$/.test(node.tagName) && !node.hasAttribute("tabindex")) node.setAttribute("tabindex", "-1");
    node.focus();
  }

  Placement.prototype.close = function (focus) {
    this.topic = null;
    this.round = null;
    this.box.hidden = true;
    this.box.textContent = "";
    this.box.removeAttribute("data-exercises-of");
    focusOn(focus);
  };

  Placement.prototype.heading = function (text) {
    var h = el("h3", { class: "rm-placement-heading", tabindex: "-1", text: text });
    return h;
  };

  /** "I know this" on a step: its exercises first. */
  Placement.prototype.openTopic = function (tid, from) {
    var self = this;
    var g = this.planner.g;
    var title = g.topics.get(tid).title;
    this.round = null;
    this.topic = tid;
    this.from = from;
    this.box.hidden = false;
    this.box.textContent = "";
    this.box.setAttribute("data-exercises-of", tid);
    var heading = this.heading("Do you know " + title + "?");
    this.box.appendChild(heading);
    this.box.appendChild(el("p", { text: "Try its exercises. Mark each one got it or not yet; when you have got every one, " + title + " counts as known and leaves your plan." }));
    this.box.appendChild(el("p", { class: "rm-exercises-intro", text: "Loading its exercises…" }));
    this.box.appendChild(el("div", { class: "rm-placement-actions" }, [
      el("button", { type: "button", class: "rm-button", "data-place": "known", "data-topic": tid, text: "Count it as known without the exercises" }),
      el("button", { type: "button", class: "rm-button", "data-place": "close", text: "Close" }),
    ]));
    heading.focus();
    exercises(tid).then(function (list) {
      if (self.topic !== tid) return;
      var intro = self.box.querySelector(".rm-exercises-intro");
      intro.textContent = list.length + " exercises test its goals.";
      var holder = el("div", { class: "rm-placement-exercises" });
      list.forEach(function (x) { holder.appendChild(exerciseBlock(tid, x, list.length, true)); });
      intro.parentNode.insertBefore(holder, intro.nextSibling);
      if (window.RoadmapExercises) window.RoadmapExercises.mount(holder);
      self.checkTopic();
    }).catch(function () {
      if (self.topic !== tid) return;
      self.box.querySelector(".rm-exercises-intro").textContent = "Its exercises could not be loaded here; open the topic's page to try them.";
    });
  };

  /** Every exercise of the open topic got it (exercises.js then marks it done): it counts as known. */
  Placement.prototype.checkTopic = function () {
    var tid = this.topic;
    if (!tid) return;
    var boxes = this.box.querySelectorAll(".rm-exercise-mark[data-topic]");
    var progress = window.RoadmapProgress;
    if (!boxes.length || !progress) return;
    var marks = progress.marks(tid);
    var all = Array.prototype.every.call(boxes, function (b) {
      var n = b.getAttribute("data-exercise");
      return Object.prototype.hasOwnProperty.call(marks, n) && marks[n].mark === "got-it";
    });
    if (all) this.known(tid, "You got every exercise: " + this.planner.g.topics.get(tid).title + " now counts as known.");
  };

  Placement.prototype.known = function (tid, message) {
    var after = this.planner.stepAfter(tid);
    this.close(null);
    this.planner.markKnown([tid]);
    this.planner.status(message);
    // Focus where the learner goes on: the next step's "I know this", else the plan's heading.
    var root = this.planner.root;
    var next = after ? root.querySelector('li.rm-step[data-topic="' + after + '"] button[data-act="check-known"]') : null;
    focusOn(next || document.getElementById("rm-plan-heading"));
  };

  // ---------------------------------------------------------------- the round

  /** Every topic that requires `tid`, directly or through others (required edges only). */
  function blockDependents(g, tid, blocked) {
    var stack = [tid];
    while (stack.length) {
      var t = g.topics.get(stack.pop());
      if (!t) continue;
      t.dependents.forEach(function (child) {
        var c = g.topics.get(child);
        if (c && c.required.indexOf(t.id) >= 0 && !blocked.has(child)) {
          blocked.add(child);
          stack.push(child);
        }
      });
    }
  }

  Placement.prototype.startRound = function () {
    var steps = this.planner.result.plan.steps.map(function (s) { return s.topic; });
    this.topic = null;
    // Prerequisites first (the plan's order). A topic got counts as known with everything it
    // requires; a topic not yet got means nothing that requires it can be known either, so those
    // are not asked: they join what is to study.
    this.round = { queue: steps.slice(), known: [], study: [], blocked: new Set(), index: 0 };
    this.box.hidden = false;
    this.box.setAttribute("data-exercises-of", "round");
    this.ask();
  };

  Placement.prototype.ask = function () {
    var self = this;
    var round = this.round;
    var g = this.planner.g;
    var closure = this.planner.closureWith(round.known);
    while (round.queue.length && (closure.has(round.queue[0]) || round.blocked.has(round.queue[0]))) {
      var skipped = round.queue.shift();
      if (round.blocked.has(skipped)) round.study.push(skipped);
    }
    this.box.textContent = "";
    if (!round.queue.length) {
      this.finish();
      return;
    }
    var tid = round.queue[0];
    round.index++;
    var heading = this.heading("Check what you know: question " + round.index);
    this.box.appendChild(heading);
    this.box.appendChild(el("p", { text: "From " + g.topics.get(tid).title + " (" + (round.queue.length) + " topics of your plan left to check at most). Try it, open the solution, and say how it went." }));
    var slot = el("div", { class: "rm-placement-exercises", text: "Loading…" });
    this.box.appendChild(slot);
    this.box.appendChild(el("div", { class: "rm-placement-actions" }, [
      el("button", { type: "button", class: "rm-button", "data-place": "got-it", "data-topic": tid, text: "Got it" }),
      el("button", { type: "button", class: "rm-button", "data-place": "not-yet", "data-topic": tid, text: "Not yet" }),
      el("button", { type: "button", class: "rm-button", "data-place": "close", text: "Stop the check" }),
    ]));
    heading.focus();
    exercises(tid).then(function (list) {
      if (!self.round || self.round.queue[0] !== tid) return;
      var marks = window.RoadmapProgress ? window.RoadmapProgress.marks(tid) : {};
      // The first exercise not yet got it, so a second round asks something new.
      var pick = list.filter(function (x) { return !(marks[x.number] && marks[x.number].mark === "got-it"); })[0] || list[0];
      slot.textContent = "";
      slot.appendChild(exerciseBlock(tid, pick, list.length, false));
      slot.setAttribute("data-exercise", pick.number);
    }).catch(function () {
      slot.textContent = "This topic's exercises could not be loaded; answer from what you remember of it.";
    });
  };

  Placement.prototype.answer = function (tid, mark) {
    var round = this.round;
    if (!round || round.queue[0] !== tid) return;
    var slot = this.box.querySelector(".rm-placement-exercises[data-exercise]");
    var progress = window.RoadmapProgress;
    if (slot && progress) progress.mark(tid, slot.getAttribute("data-exercise"), mark, 0);
    round.queue.shift();
    (mark === "got-it" ? round.known : round.study).push(tid);
    if (mark !== "got-it") blockDependents(this.planner.g, tid, round.blocked);
    this.ask();
  };

  Placement.prototype.finish = function () {
    var round = this.round;
    var g = this.planner.g;
    function names(ids) { return ids.map(function (t) { return g.topics.get(t).title; }).join(", "); }
    this.round = null;
    this.box.textContent = "";
    var heading = this.heading("Check done");
    this.box.appendChild(heading);
    var said = round.known.length
      ? "Counted as known, with everything they require: " + names(round.known) + "."
      : "Nothing counted as known: your plan keeps every topic.";
    this.box.appendChild(el("p", { class: "rm-placement-result", text: said }));
    if (round.study.length) this.box.appendChild(el("p", { text: "To study: " + names(round.study) + "." }));
    this.box.appendChild(el("div", { class: "rm-placement-actions" }, [el("button", { type: "button", class: "rm-button", "data-place": "close", text: "Close" })]));
    if (round.known.length) this.planner.markKnown(round.known);
    heading.focus();
  };

  Placement.prototype.onClick = function (e) {
    var button = e.target.closest("button[data-act], button[data-place]");
    if (!button) return;
    var act = button.getAttribute("data-act");
    var place = button.getAttribute("data-place");
    var tid = button.getAttribute("data-topic");
    if (act === "check-known" && this.planner.g.topics.has(tid)) this.openTopic(tid, button);
    else if (act === "placement") this.startRound();
    else if (place === "close") this.close(this.from && this.from.isConnected ? this.from : document.getElementById("rm-plan-heading"));
    else if (place === "known" && this.planner.g.topics.has(tid)) this.known(tid, this.planner.g.topics.get(tid).title + " now counts as known.");
    else if ((place === "got-it" || place === "not-yet") && tid) this.answer(tid, place);
  };

  function start(planner) {
    var box = planner.root.querySelector(".rm-placement");
    if (!box || planner.placement) return;
    var placement = new Placement(planner, box);
    planner.placement = placement;
    planner.root.addEventListener("click", function (e) { placement.onClick(e); });
    window.addEventListener("mfml:progress", function () { placement.checkTopic(); });
  }

  window.addEventListener("mfml:planner", function (e) { if (e.detail) start(e.detail); });
  if (window.RoadmapPlanner && window.RoadmapPlanner.page) start(window.RoadmapPlanner.page);
})();
