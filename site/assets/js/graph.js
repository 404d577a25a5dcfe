/* Roadmap highlighting: hovering or focusing a topic node lights up everything it builds on
   (its prerequisite chain) and everything it unlocks, and dims the rest. Works from the SVG's
   own data attributes (data-topic on nodes, data-from/data-to on edges): no request, no data
   file. Pages without an `svg.rm-svg` are left alone. */
(function () {
  "use strict";

  var STATES = ["is-highlighted", "is-dimmed", "is-hovered"];

  function setup(svg) {
    if (svg.getAttribute("data-rm-ready")) return;
    svg.setAttribute("data-rm-ready", "1");

    var nodes = {};
    var up = {}; // topic -> edges into it (from its prerequisites)
    var down = {}; // topic -> edges out of it (to what it unlocks)
    var edges = svg.querySelectorAll(".rm-edge[data-from]");
    svg.querySelectorAll(".rm-node[data-topic]").forEach(function (node) {
      nodes[node.getAttribute("data-topic")] = node;
    });
    edges.forEach(function (edge) {
      var from = edge.getAttribute("data-from");
      var to = edge.getAttribute("data-to");
      (down[from] = down[from] || []).push(edge);
      (up[to] = up[to] || []).push(edge);
    });

    // Walk one direction from `start`, collecting topics and the edges walked.
    function walk(start, links, next, topics, lit) {
      var todo = [start];
      while (todo.length) {
        (links[todo.pop()] || []).forEach(function (edge) {
          lit.add(edge);
          var other = edge.getAttribute(next);
          if (!topics.has(other)) {
            topics.add(other);
            todo.push(other);
          }
        });
      }
    }

    var current = null;

    function clear() {
      if (current === null) return;
      current = null;
      svg.classList.remove("is-focused");
      svg.querySelectorAll("." + STATES.join(",.")).forEach(function (el) {
        el.classList.remove.apply(el.classList, STATES);
      });
    }

    function highlight(topic) {
      if (topic === current) return;
      clear();
      if (!nodes[topic]) return;
      current = topic;
      var topics = new Set([topic]);
      var lit = new Set();
      walk(topic, up, "data-from", topics, lit);
      walk(topic, down, "data-to", topics, lit);
      svg.classList.add("is-focused");
      Object.keys(nodes).forEach(function (id) {
        nodes[id].classList.add(topics.has(id) ? "is-highlighted" : "is-dimmed");
      });
      edges.forEach(function (edge) {
        edge.classList.add(lit.has(edge) ? "is-highlighted" : "is-dimmed");
      });
      nodes[topic].classList.add("is-hovered");
    }

    function topicOf(target) {
      var node = target && target.closest ? target.closest(".rm-node[data-topic]") : null;
      return node && svg.contains(node) ? node.getAttribute("data-topic") : null;
    }

    svg.addEventListener("mouseover", function (event) {
      var topic = topicOf(event.target);
      if (topic) highlight(topic);
    });
    svg.addEventListener("mouseout", function (event) {
      // Leaving a node for empty space: back to the focused node's chain, if one has focus.
      if (topicOf(event.relatedTarget)) return;
      var focused = topicOf(document.activeElement);
      if (focused) highlight(focused);
      else clear();
    });
    svg.addEventListener("focusin", function (event) {
      var topic = topicOf(event.target);
      if (topic) highlight(topic);
      else clear();
    });
    svg.addEventListener("focusout", function (event) {
      if (!topicOf(event.relatedTarget)) clear();
    });
    // On the document, so Escape also clears a highlight made by the mouse.
    document.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && svg.isConnected) clear();
    });
  }

  function init() {
    document.querySelectorAll("svg.rm-svg").forEach(setup);
  }

  // mkdocs-material's instant navigation swaps pages without reloading scripts; it announces
  // each new page on `document$`. Without it, the DOM being ready is enough.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
