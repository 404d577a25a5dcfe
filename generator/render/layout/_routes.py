"""Step 5, y coordinates and edge routes: the finished `Layout`."""

from __future__ import annotations

from collections.abc import Sequence

from generator.render.layout._graph import LayeredGraph
from generator.render.layout._types import (
    BandBox,
    Box,
    Layout,
    LayoutNode,
    Options,
    Point,
    Route,
)


def finish(
    nodes: Sequence[LayoutNode],
    lines: list[tuple[str, ...]],
    widths: list[float],
    height: float,
    g: LayeredGraph,
    xs: list[float],
    band_layers: dict[int, tuple[int, int]],
    crossings: int,
    opts: Options,
) -> Layout:
    layer_count = len(g.layers)
    # Shift so the leftmost box or edge starts at the margin.
    left = min([x - w / 2 for x, w in zip(xs, g.width)], default=0.0)
    shift = opts.margin - left
    xs = [x + shift for x in xs]
    width = max([x + w / 2 for x, w in zip(xs, g.width)], default=0.0) + opts.margin

    # Rows: more room between two rows when edges between them travel far sideways.
    band_of_layer: dict[int, int] = {}
    for b, (first, last) in band_layers.items():
        for lay in range(first, last + 1):
            band_of_layer[lay] = b
    row_top = [0.0] * layer_count
    band_top: dict[int, float] = {}
    band_bottom: dict[int, float] = {}
    y = opts.margin
    for lay in range(layer_count):
        b = band_of_layer[lay]
        if lay == band_layers[b][0]:
            if lay > 0:
                band_bottom[band_of_layer[lay - 1]] = y + opts.band_pad
                y += opts.band_pad + opts.band_gap
            band_top[b] = y
            y += opts.band_header
        else:
            sideways = max([abs(xs[v] - xs[u]) for u in g.layers[lay - 1] for v in g.down[u]], default=0.0)
            y += opts.layer_gap + min(opts.layer_gap_extra, sideways * 0.06)
        row_top[lay] = y
        y += height
    if layer_count:
        band_bottom[band_of_layer[layer_count - 1]] = y + opts.band_pad
        y += opts.band_pad
    total_height = y + opts.margin

    n = g.n
    left_x = [xs[v] - widths[v] / 2 for v in range(n)]
    boxes: dict[str, Box] = {}
    for lay, row in enumerate(g.layers):
        top = row_top[lay]
        for v in row:
            if v < n:
                node = nodes[v]
                boxes[node.id] = Box(node.id, left_x[v], top, widths[v], height, lay, node.band, lines[v])

    # Ports: edges leave and enter spread along the box side, ordered by where they go, so
    # arrowheads do not pile up on one point. Edges that share a trunk share a port: they are
    # one line there.
    out_port: dict[tuple[int, int], float] = {}  # (node, next vertex) -> x
    in_port: dict[tuple[int, int], float] = {}  # (node, previous vertex) -> x
    # A node's next (previous) vertices are its neighbours below (above), plus the far ends
    # of its direct edges, which have no links.
    direct = [chain for chain, is_direct in zip(g.chains, g.direct) if is_direct]
    for ends, ports, step, nbrs in ((0, out_port, 1, g.down), (-1, in_port, -2, g.up)):
        unlinked: dict[int, list[int]] = {}
        for chain in direct:
            unlinked.setdefault(chain[ends], []).append(chain[step])
        for v in range(n):
            others = nbrs[v] + unlinked[v] if v in unlinked else nbrs[v]
            if len(others) < 2:
                if others:
                    ports[(v, others[0])] = xs[v] + 0.0
                continue
            ordered = sorted(others, key=lambda w: (xs[w], w))
            span = min(widths[v] * 0.6, 9.0 * (len(ordered) - 1))
            for k, w in enumerate(ordered):
                offset = 0.0 if len(ordered) == 1 else -span / 2 + span * k / (len(ordered) - 1)
                ports[(v, w)] = xs[v] + offset

    # Routes in reading order of their targets, then of their sources.
    layer = g.layer
    routes: list[Route] = []
    for *_, e in sorted((layer[chain[-1]], left_x[chain[-1]], layer[chain[0]], left_x[chain[0]], e) for e, chain in enumerate(g.chains)):
        chain = g.chains[e]
        u, v = chain[0], chain[-1]
        start: Point = (out_port[(u, chain[1])], row_top[layer[u]] + height)
        end: Point = (in_port[(v, chain[-2])], row_top[layer[v]])
        if len(chain) == 2:
            routes.append(Route(nodes[u].id, nodes[v].id, (start, end), g.direct[e]))
            continue
        points = [start]
        for d in chain[1:-1]:
            top = row_top[layer[d]]
            points.append((xs[d], top))
            points.append((xs[d], top + height))
        points.append(end)
        routes.append(Route(nodes[u].id, nodes[v].id, tuple(points), g.direct[e]))

    bands = tuple(
        BandBox(b, 0.0, band_top[b], width, band_bottom[b] - band_top[b], first, last) for b, (first, last) in sorted(band_layers.items())
    )
    return Layout(width, total_height, boxes, tuple(routes), bands, layer_count, crossings)
