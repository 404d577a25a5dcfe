"""`layout`: the five steps (see the package docstring) one after the other."""

from __future__ import annotations

from collections.abc import Sequence

from generator.render.layout._graph import LayeredGraph
from generator.render.layout._layering import assign_layers
from generator.render.layout._measure import text_width, wrap_label
from generator.render.layout._ordering import orders
from generator.render.layout._placement import place_x
from generator.render.layout._routes import finish
from generator.render.layout._types import Layout, LayoutEdge, LayoutNode, Options


def layout(nodes: Sequence[LayoutNode], edges: Sequence[LayoutEdge], options: Options | None = None) -> Layout:
    """Place `nodes` in layered rows and route `edges` between them.

    The input order of `nodes` breaks every tie (pass them in a meaningful order, e.g. by
    area), so the same input always gives the same layout. Raises ValueError for unknown or
    duplicate ids, an edge from a later band to an earlier one, or a cycle.
    """
    opts = options or Options()
    n = len(nodes)
    index: dict[str, int] = {}
    for i, node in enumerate(nodes):
        if node.id in index:
            raise ValueError(f"node id {node.id!r} is given twice")
        index[node.id] = i
    band = [node.band for node in nodes]
    succ: list[list[int]] = [[] for _ in range(n)]
    pred: list[list[int]] = [[] for _ in range(n)]
    seen_edges: set[tuple[int, int]] = set()
    edge_list: list[tuple[int, int]] = []
    for edge in edges:
        u, v = index.get(edge.source, -1), index.get(edge.target, -1)
        if u < 0 or v < 0:
            end = edge.source if u < 0 else edge.target
            raise ValueError(f"edge {edge.source!r} -> {edge.target!r} names unknown node {end!r}")
        if band[u] > band[v]:
            raise ValueError(f"edge {edge.source!r} -> {edge.target!r} goes from band {band[u]} back to band {band[v]}")
        if u == v:
            raise ValueError(f"edge {edge.source!r} -> {edge.target!r} is a loop")
        if (u, v) in seen_edges:
            continue
        seen_edges.add((u, v))
        edge_list.append((u, v))
        succ[u].append(v)
        pred[v].append(u)

    lines = [wrap_label(node.label, opts.font_size, opts.wrap_width) for node in nodes]
    height = 2 * opts.line_height + 2 * opts.pad_y  # one height for all: rows stay tidy
    widths = [max(opts.min_width, max([text_width(line, opts.font_size) for line in node_lines]) + 2 * opts.pad_x) for node_lines in lines]

    layer_of, band_layers = assign_layers(n, band, succ, pred, widths, opts)
    graph = LayeredGraph.build(n, layer_of, widths, edge_list, opts.dummy_budget + 3 * n)
    # The few orders with the fewest crossings are each placed; a narrower drawing may be
    # worth a crossing or two, since a wide one is shrunk to fit the page (smaller text).
    best: tuple[float, int, list[list[int]], list[float]] | None = None
    candidates = orders(graph, opts)[: opts.placements if len(graph.layer) <= 3000 else 1]
    for crossings, rows in candidates:
        graph.layers = rows
        xs = place_x(graph, opts)
        if len(candidates) == 1:
            best = (0.0, crossings, rows, xs)  # nothing to compare it with
            break
        spread = max((x + graph.width[v] / 2 for v, x in enumerate(xs)), default=0.0) - min(
            (x - graph.width[v] / 2 for v, x in enumerate(xs)), default=0.0
        )
        score = spread + opts.crossing_cost * crossings
        if best is None or score < best[0]:
            best = (score, crossings, rows, xs)
    assert best is not None
    _, crossings, graph.layers, xs = best
    return finish(nodes, lines, widths, height, graph, xs, band_layers, crossings, opts)
