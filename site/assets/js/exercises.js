/* "Got it" / "Not yet" on each exercise: fills every div.rm-exercise-mark[data-topic][data-exercise]
 * (the topic pages' "Check yourself" section, and the planner's placement panel) with two toggle
 * buttons kept in the progress store (progress.js). The mark is said in words beside the buttons,
 * not by colour alone. When every exercise of a topic is got it, the topic is marked done, and a
 * polite live region says so. Does nothing on a page without those elements; solutions are plain
 * <details>, which work without this script.
 *
 * Other scripts call window.RoadmapExercises.mount(root) for marks they add later.
 */
(function () {
  "use strict";

  var progress = window.RoadmapProgress;
  if (!progress) return;
  var WORDS = { "got-it": "Got it", "not-yet": "Not yet" };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  /** How many exercises the topic has: the box's data-total, else the marks for it on the page. */
  function total(box, tid) {
    var given = Number(box.getAttribute("data-total"));
    if (given >= 1 && given <= 6) return given;
    var scope = box.closest("[data-exercises-of]") || document;
    return scope.querySelectorAll('.rm-exercise-mark[data-topic="' + tid + '"]').length;
  }

  /** The polite live region that tells what a mark did to the topic: one per set of exercises. */
  function liveRegion(box) {
    var scope = box.closest("[data-exercises-of]") || document;
    var live = scope.querySelector(".rm-exercise-live");
    if (live) return live;
    live = el("p", { class: "rm-exercise-live", role: "status", "aria-live": "polite" });
    var intro = scope.querySelector(".rm-exercises-intro");
    if (intro && intro.parentNode) intro.parentNode.insertBefore(live, intro.nextSibling);
    else (scope === document ? document.body : scope).appendChild(live);
    return live;
  }

  function paint(box) {
    var tid = box.getAttribute("data-topic");
    var n = box.getAttribute("data-exercise");
    var marks = progress.marks(tid);
    var current = Object.prototype.hasOwnProperty.call(marks, n) ? marks[n] : null;
    box.querySelectorAll("button[data-mark]").forEach(function (b) {
      b.setAttribute("aria-pressed", current && current.mark === b.getAttribute("data-mark") ? "true" : "false");
    });
    box.setAttribute("data-mark", current ? current.mark : "");
    var said = box.querySelector(".rm-mark-state");
    if (said) said.textContent = current ? "Your mark: " + WORDS[current.mark].toLowerCase() + " (" + current.on + ")." : "Not marked yet.";
  }

  function fill(box) {
    if (box.getAttribute("data-filled") === "1") return;
    var tid = box.getAttribute("data-topic");
    var n = box.getAttribute("data-exercise");
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(tid || "") || !/^[1-6]$/.test(n || "")) return;
    box.setAttribute("data-filled", "1");
    var group = el("div", { role: "group", class: "rm-mark-group", "aria-label": "Your mark for exercise " + n });
    ["got-it", "not-yet"].forEach(function (mark) {
      group.appendChild(el("button", { type: "button", class: "rm-mark-button rm-mark-" + mark, "data-mark": mark, "aria-pressed": "false" }, WORDS[mark]));
    });
    box.appendChild(group);
    box.appendChild(el("span", { class: "rm-mark-state" }));
    group.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-mark]");
      if (!b) return;
      var mark = b.getAttribute("data-mark");
      var pressed = b.getAttribute("aria-pressed") === "true";
      // The buttons stay where they are (only their state changes), so focus stays on the one pressed.
      var result = progress.mark(tid, n, pressed ? null : mark, total(box, tid));
      paint(box);
      if (result.done) liveRegion(box).textContent = "You got every exercise of this topic: it is now marked done.";
      else if (!pressed) liveRegion(box).textContent = "Exercise " + n + " marked " + WORDS[mark].toLowerCase() + ".";
      else liveRegion(box).textContent = "Exercise " + n + " unmarked.";
    });
    paint(box);
  }

  function mount(root) {
    (root || document).querySelectorAll(".rm-exercise-mark[data-topic][data-exercise]").forEach(fill);
  }

  function repaint() {
    document.querySelectorAll(".rm-exercise-mark[data-filled='1']").forEach(paint);
  }

  window.RoadmapExercises = { mount: mount };

  function init() {
    try {
      mount(document);
    } catch (e) {
      if (window.console) window.console.warn("exercises:", e);
    }
  }

  window.addEventListener("mfml:progress", repaint);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
