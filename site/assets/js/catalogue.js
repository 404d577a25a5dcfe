/* Catalogue filters: cost, level, kind, area and free text, all at once.
 *
 * The page already holds the full table and a hidden filter form (see generator/render/pages.py);
 * this script shows the form and hides the rows that do not match. Without JavaScript the
 * whole table stays visible. Filters are mirrored in the query string (?cost=free&level=...)
 * so a filtered view can be shared. On pages without a filter form it does nothing.
 */
(function () {
  "use strict";

  var FIELDS = ["kind", "cost", "level", "area"];

  function matches(row, wanted) {
    for (var i = 0; i < FIELDS.length; i++) {
      var field = FIELDS[i];
      var value = wanted[field];
      if (!value) continue;
      // data-area lists every area a resource covers, separated by spaces.
      var have = (row.getAttribute("data-" + field) || "").split(" ");
      if (have.indexOf(value) === -1) return false;
    }
    if (wanted.q) {
      var text = row.getAttribute("data-text") || "";
      var words = wanted.q.toLowerCase().split(/\s+/);
      for (var j = 0; j < words.length; j++) {
        if (words[j] && text.indexOf(words[j]) === -1) return false;
      }
    }
    return true;
  }

  function setUp(form) {
    // The table the form filters is the first catalogue table after it on the page.
    var table = null;
    var tables = document.querySelectorAll("table[data-rm-catalogue]");
    for (var t = 0; t < tables.length && !table; t++) {
      if (form.compareDocumentPosition(tables[t]) & Node.DOCUMENT_POSITION_FOLLOWING) table = tables[t];
    }
    if (!table) return;
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr:not(.rm-empty)"));
    var empty = table.querySelector("tbody tr.rm-empty");
    var count = form.querySelector("[data-rm-count]");
    var controls = Array.prototype.slice.call(form.querySelectorAll("[data-rm-filter]"));

    function wanted() {
      var out = {};
      controls.forEach(function (control) {
        out[control.name] = control.value.trim();
      });
      return out;
    }

    function apply(updateUrl) {
      var want = wanted();
      var shown = 0;
      rows.forEach(function (row) {
        var ok = matches(row, want);
        row.hidden = !ok;
        if (ok) shown++;
      });
      if (empty) empty.hidden = shown !== 0;
      if (count) {
        var total = rows.length;
        var noun = total === 1 ? "resource" : "resources";
        count.textContent = shown === total ? total + " " + noun : shown + " of " + total + " " + noun;
      }
      if (updateUrl && window.history && window.history.replaceState) {
        var params = new URLSearchParams(window.location.search);
        controls.forEach(function (control) {
          if (want[control.name]) params.set(control.name, want[control.name]);
          else params.delete(control.name);
        });
        var query = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      }
    }

    // Start from the query string, ignoring values the page does not offer.
    var params = new URLSearchParams(window.location.search);
    controls.forEach(function (control) {
      var value = params.get(control.name);
      if (value === null) return;
      if (control.tagName === "SELECT") {
        var known = Array.prototype.some.call(control.options, function (option) {
          return option.value === value;
        });
        if (known) control.value = value;
      } else {
        control.value = value;
      }
    });

    form.addEventListener("input", function () {
      apply(true);
    });
    form.addEventListener("change", function () {
      apply(true);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.addEventListener("reset", function () {
      // The form resets its controls after this event: filter once they have.
      window.setTimeout(function () {
        apply(true);
      }, 0);
    });
    table.addEventListener("click", function (event) {
      if (event.target && event.target.closest && event.target.closest("[data-rm-reset]")) form.reset();
    });

    form.hidden = false;
    apply(false);
  }

  function init() {
    var forms = document.querySelectorAll("form[data-rm-filters]");
    for (var i = 0; i < forms.length; i++) setUp(forms[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
