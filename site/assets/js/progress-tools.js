/* Export and import of the progress store (progress.js) as a JSON file, and clearing it: fills
 * div.rm-progress-tools, and does nothing on a page without one.
 *
 * An import never changes anything before the learner has seen what it would change and chosen
 * to merge or replace; the state before it can be put back once. Files of version 1 and 2 are
 * read (progress.js checks them: bounded, typed, dates real, unknown topics left out).
 */
(function () {
  "use strict";

  var api = window.RoadmapProgress;
  if (!api) return;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
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
      var current = api.data().topics;
      var merge = api.difference(current, found.topics, false);
      var replace = api.difference(current, found.topics, true);
      var parts = ["The file has progress on " + plural(Object.keys(found.topics).length, "topic") + "."];
      var marked = 0;
      Object.keys(found.exercises).forEach(function (id) { marked += Object.keys(found.exercises[id]).length; });
      if (marked) parts.push("It marks " + plural(marked, "exercise") + " got it or not yet.");
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
      status.textContent = saved ? what : what + " Not saved: " + api.storageProblem() + "; it is kept in this tab until you close it.";
    }

    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      if (file.size > api.MAX_FILE_BYTES) {
        status.textContent = "Not imported: the file is " + Math.round(file.size / 1024) + " KB; a progress file is a few KB.";
        input.value = "";
        return;
      }
      Promise.all([file.text(), api.topicIds()]).then(function (got) {
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
      before = api.data();
      var saved = api.apply(found, replace);
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
      before = api.data();
      api.clear();
      undoButton.hidden = false;
      undoButton.textContent = "Undo";
      saidSaved(!api.storageProblem(), "Progress cleared.");
    });
  }

  function init() {
    try {
      document.querySelectorAll(".rm-progress-tools").forEach(function (box) {
        fillTools(box);
        api.mount(box); // its count
      });
    } catch (e) {
      if (window.console) window.console.warn("progress tools:", e);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
