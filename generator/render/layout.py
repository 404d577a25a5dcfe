"""A layered (Sugiyama-style) drawing of a DAG: pure data in, data out.

Nodes belong to numbered *bands* (the roadmap's stages). The pipeline is the classic one:

1. layering: each band gets its own run of layers below the previous band's; inside a band a
   node sits below all its prerequisites (longest path), rows are kept to a width budget, and
   nodes then slide towards the side where most of their edges go, so edges stay short;
2. long edges are cut into dummy vertices, one per layer crossed; long edges out of one
   source (or into one target) share them, as one trunk that branches;
3. crossing minimisation: barycenter sweeps down and up plus adjacent swaps, from several
   starting orders; the few best orders go on to step 4 and the narrowest drawing wins;
4. x coordinates: each row is pulled towards its neighbours' positions and solved exactly for
   "as close as possible without overlapping" (isotonic regression), sweeping down and up;
5. y coordinates and edge routes: a route leaves the bottom of its source, runs straight down
   through the rows it crosses (at its dummies' x) and enters the top of its target.

Everything is deterministic: ties are broken by the input order of the nodes, never by hashing,
and work is bounded by counts, never by the clock. Big graphs get fewer rounds, so 5,000 nodes
take about a second.
"""

from __future__ import annotations

import functools
import heapq
import math
import operator
import random
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class LayoutNode:
    """A box to place: `band` orders the stages (lower bands are drawn above higher ones)."""

    id: str
    band: int
    label: str


@dataclass(frozen=True)
class LayoutEdge:
    """`source` must be drawn above `target` (a prerequisite above the topic that needs it)."""

    source: str
    target: str


@dataclass(frozen=True)
class Options:
    """Sizes in CSS pixels; the defaults suit the roadmap page at 13 px labels."""

    font_size: float = 13.0
    line_height: float = 16.0
    wrap_width: float = 120.0  # a label wider than this is wrapped onto two lines
    pad_x: float = 12.0
    pad_y: float = 9.0
    min_width: float = 96.0
    node_gap: float = 20.0  # between two boxes of one row
    dummy_gap: float = 8.0  # between an edge passing through a row and its neighbours
    layer_gap: float = 36.0  # between rows; grows where edges travel far sideways
    layer_gap_extra: float = 34.0
    band_header: float = 40.0  # room for the band's title above its first row
    band_pad: float = 18.0  # below the last row of a band
    band_gap: float = 14.0
    margin: float = 12.0
    max_row_width: float = 650.0  # width budget of a row of boxes, before a node moves down
    sweeps: int = 16  # crossing-minimisation rounds (each: one sweep down, one up)
    starts: int = 16  # initial orders tried (fewer for big graphs)
    placement_rounds: int = 8  # x-coordinate sweeps (fewer for big graphs)
    placements: int = 4  # best orders placed to pick the narrowest (small graphs only)
    crossing_cost: float = 12.0  # width in px one more crossing may save to be chosen
    dummy_budget: int = 2000  # plus 3 per node: longer edges beyond this get no dummies


@dataclass(frozen=True)
class Box:
    """A placed node: top-left corner, size, its layer and the label lines to draw."""

    id: str
    x: float
    y: float
    width: float
    height: float
    layer: int
    band: int
    lines: tuple[str, ...]

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2


@dataclass(frozen=True)
class Route:
    """An edge as a polyline from the bottom of `source` to the top of `target`.

    Consecutive points either share x (a straight run down through a row) or are joined by a
    curve with vertical tangents (see `svg.smooth_path`). `direct` routes skipped the dummy
    chain because the graph exceeded the dummy budget; they are a single curve.
    """

    source: str
    target: str
    points: tuple[Point, ...]
    direct: bool = False


@dataclass(frozen=True)
class BandBox:
    """The rectangle of one band; its title goes in the top `Options.band_header` pixels."""

    band: int
    x: float
    y: float
    width: float
    height: float
    first_layer: int
    last_layer: int


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    boxes: dict[str, Box]  # in reading order: by layer, then left to right
    routes: tuple[Route, ...]
    bands: tuple[BandBox, ...]
    layers: int
    crossings: int  # edge crossings between adjacent layers, as counted by the minimiser


# --- text measurement -----------------------------------------------------------------------

# Advance widths in em of a typical UI sans-serif (Roboto, Helvetica, Arial, Segoe are close),
# coarse on purpose: we only need a safe box width, never exact kerning.
_NARROW = frozenset("fijlrtI!.,:;'|()[]{}- /\u2019")
_WIDE = frozenset("mwMW@%")


# Labels are measured again for every drawing they appear in (each topic page draws a chain).
@functools.lru_cache(maxsize=1 << 16)
def text_width(text: str, font_size: float) -> float:
    """Estimated rendered width of `text`, from character classes rather than font metrics."""
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.3
        elif ch in _WIDE:
            em += 0.86
        elif ch.isupper():
            em += 0.66
        else:
            em += 0.55
    return em * font_size


@functools.lru_cache(maxsize=1 << 16)
def wrap_label(text: str, font_size: float, wrap_width: float) -> tuple[str, ...]:
    """One line if it fits `wrap_width`, else the two-line split with the shortest longer line."""
    text = " ".join(text.split())
    words = text.split(" ")
    if len(words) < 2 or text_width(text, font_size) <= wrap_width:
        return (text,)
    best: tuple[float, int] | None = None
    for i in range(1, len(words)):
        widest = max(text_width(" ".join(words[:i]), font_size), text_width(" ".join(words[i:]), font_size))
        # `<` keeps the earliest best split, so the first line is the shorter one on ties.
        if best is None or widest < best[0]:
            best = (widest, i)
    assert best is not None
    i = best[1]
    return (" ".join(words[:i]), " ".join(words[i:]))


# --- the pipeline -----------------------------------------------------------------------------


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
    widths = [
        max(opts.min_width, max([text_width(line, opts.font_size) for line in node_lines]) + 2 * opts.pad_x)
        for node_lines in lines
    ]

    layer_of, band_layers = _assign_layers(n, band, succ, pred, widths, opts)
    graph = _LayeredGraph.build(n, layer_of, widths, edge_list, opts.dummy_budget + 3 * n)
    # The few orders with the fewest crossings are each placed; a narrower drawing may be
    # worth a crossing or two, since a wide one is shrunk to fit the page (smaller text).
    best: tuple[float, int, list[list[int]], list[float]] | None = None
    candidates = _orders(graph, opts)[: opts.placements if len(graph.layer) <= 3000 else 1]
    for crossings, rows in candidates:
        graph.layers = rows
        xs = _place_x(graph, opts)
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
    return _finish(nodes, lines, widths, height, graph, xs, band_layers, crossings, opts)


# --- 1. layering --------------------------------------------------------------------------------


def _assign_layers(
    n: int, band: list[int], succ: list[list[int]], pred: list[list[int]], widths: list[float], opts: Options
) -> tuple[list[int], dict[int, tuple[int, int]]]:
    """Global layer of each node, and each band's (first, last) layer."""
    members: dict[int, list[int]] = {}
    for v in range(n):
        members.setdefault(band[v], []).append(v)
    # Added left to right, as Python 3.11's sum() does; 3.12's compensated sum() may differ
    # in the last bit, and the layout must not depend on the Python version.
    total = functools.reduce(operator.add, widths, 0.0) + opts.node_gap * n
    # A huge graph squeezed into a page-wide row would need hundreds of layers and long edges
    # through all of them; let rows widen with the square root of the size instead.
    cap = max(opts.max_row_width, total / max(1.0, math.sqrt(n)) / 2)
    layer_of = [0] * n
    band_layers: dict[int, tuple[int, int]] = {}
    offset = 0
    for b in sorted(members):
        rel = _layer_band(members[b], band, succ, pred, widths, cap, opts.node_gap)
        count = max(rel[v] for v in members[b]) + 1
        for v in members[b]:
            layer_of[v] = offset + rel[v]
        band_layers[b] = (offset, offset + count - 1)
        offset += count
    return layer_of, band_layers


def _layer_band(
    vs: list[int],
    band: list[int],
    succ: list[list[int]],
    pred: list[list[int]],
    widths: list[float],
    cap: float,
    gap: float,
) -> list[int]:
    """Layers relative to the band (indexed by node; only the band's `vs` are set): list
    scheduling by longest path, then edge shortening."""
    b = band[vs[0]]
    n = len(band)
    none: list[int] = []
    in_pred = [none] * n
    in_succ = [none] * n
    for v in vs:
        in_pred[v] = [p for p in pred[v] if band[p] == b]
        in_succ[v] = [s for s in succ[v] if band[s] == b]

    # Topological order within the band, ties by input order.
    indeg = [len(ps) for ps in in_pred]
    heap = [v for v in vs if indeg[v] == 0]
    heapq.heapify(heap)
    topo: list[int] = []
    while heap:
        v = heapq.heappop(heap)
        topo.append(v)
        for s in in_succ[v]:
            indeg[s] -= 1
            if indeg[s] == 0:
                heapq.heappush(heap, s)
    if len(topo) != len(vs):
        stuck = sorted(v for v in vs if indeg[v] > 0)
        raise ValueError(f"the edges form a cycle through node #{stuck[0]}")

    # Longest path to a sink: nodes that start long chains are placed first when rows are full.
    tail = [0] * n
    for v in reversed(topo):
        for s in in_succ[v]:
            if tail[s] >= tail[v]:
                tail[v] = tail[s] + 1

    # List scheduling: fill each row with ready nodes (all in-band prerequisites placed above),
    # most urgent first, up to the width budget. Without the budget this is longest-path layering.
    rel = [0] * n
    left = [len(ps) for ps in in_pred]
    ready = [(-tail[v], v) for v in vs if left[v] == 0]
    heapq.heapify(ready)
    row_width: list[float] = []
    layer = 0
    while ready:
        used = 0.0
        placed: list[int] = []
        while ready:
            v = ready[0][1]
            if placed and used + widths[v] + gap > cap:
                break
            heapq.heappop(ready)
            placed.append(v)
            used += widths[v] + gap
            rel[v] = layer
        row_width.append(used)
        for v in placed:
            for s in in_succ[v]:
                left[s] -= 1
                if left[s] == 0:
                    heapq.heappush(ready, (-tail[s], s))
        layer += 1

    # Shorten edges: a node with more edges below than above slides down towards its first
    # dependent in the band, and the reverse. A node is never pushed to the band's bottom just
    # because what it unlocks is in later bands: that would tear a chain such as
    # derivatives -> partial derivatives -> gradients apart, and readers expect the first
    # topics of an area at the top of each band.
    def move(v: int, target: int) -> None:
        row_width[rel[v]] -= widths[v] + gap
        row_width[target] += widths[v] + gap
        rel[v] = target

    for v in reversed(topo):
        if not in_succ[v] or len(succ[v]) <= len(pred[v]):
            continue
        hi = min(rel[s] for s in in_succ[v]) - 1
        for target in range(hi, rel[v], -1):
            if row_width[target] + widths[v] + gap <= cap:
                move(v, target)
                break
    for v in topo:
        if len(pred[v]) <= len(succ[v]):
            continue
        lo = max((rel[p] + 1 for p in in_pred[v]), default=0)
        for target in range(lo, rel[v]):
            if row_width[target] + widths[v] + gap <= cap:
                move(v, target)
                break

    # Moves can empty a row; close the gap (order is all that edges need).
    used_layers = sorted({rel[v] for v in vs})
    if len(used_layers) <= used_layers[-1]:
        renumber = {old: new for new, old in enumerate(used_layers)}
        for v in vs:
            rel[v] = renumber[rel[v]]
    return rel


# --- 2. the layered graph with dummies -----------------------------------------------------------


@dataclass
class _LayeredGraph:
    """Real nodes 0..n-1, then dummies; `up`/`down` join vertices of adjacent layers."""

    n: int
    layer: list[int]
    width: list[float]
    up: list[list[int]]
    down: list[list[int]]
    chains: list[list[int]]  # one per kept edge, source ... target
    direct: list[bool]  # chain has no dummies although it spans several layers
    layers: list[list[int]]

    @classmethod
    def build(
        cls, n: int, layer_of: list[int], widths: list[float], edges: list[tuple[int, int]], budget: int
    ) -> _LayeredGraph:
        layer = list(layer_of)
        width = list(widths)
        up: list[list[int]] = [[] for _ in range(n)]
        down: list[list[int]] = [[] for _ in range(n)]
        # Long edges share dummies: a "trunk" either leaves one source and branches off towards
        # each of its targets, or gathers the edges into one target. Each edge uses one kind
        # of trunk, whichever is busier, so every path through the drawing is a real edge
        # (the drawing stays unambiguous) while it needs far fewer columns. Shortest edges come
        # first; past the budget the longest ones go direct.
        long_out = [0] * n
        long_in = [0] * n
        for u, v in edges:
            if layer_of[v] - layer_of[u] > 1:
                long_out[u] += 1
                long_in[v] += 1
        spans = sorted(range(len(edges)), key=lambda e: layer_of[edges[e][1]] - layer_of[edges[e][0]])  # stable: ties by e
        chains: list[list[int]] = [[] for _ in edges]
        direct = [False] * len(edges)
        trunk: dict[tuple[int, int, int], int] = {}
        links: set[tuple[int, int]] = set()
        for e in spans:
            u, v = edges[e]
            if layer_of[v] - layer_of[u] == 1:  # the usual case: no dummies, no shared links
                chains[e] = [u, v]
                down[u].append(v)
                up[v].append(u)
                continue
            lays = range(layer_of[u] + 1, layer_of[v])
            owner = (1, v) if long_in[v] > long_out[u] else (0, u)
            fresh = sum(1 for lay in lays if (*owner, lay) not in trunk)
            if fresh and len(layer) - n + fresh > budget:
                chains[e] = [u, v]
                direct[e] = True
                continue
            chain = [u]
            for lay in lays:
                d = trunk.get((*owner, lay))
                if d is None:
                    d = trunk[(*owner, lay)] = len(layer)
                    layer.append(lay)
                    width.append(0.0)
                    up.append([])
                    down.append([])
                chain.append(d)
            chain.append(v)
            for a, b in zip(chain, chain[1:]):
                if (a, b) not in links:
                    links.add((a, b))
                    down[a].append(b)
                    up[b].append(a)
            chains[e] = chain
        layers: list[list[int]] = [[] for _ in range(max(layer_of, default=-1) + 1)]
        for v in range(len(layer)):
            layers[layer[v]].append(v)
        return cls(n, layer, width, up, down, chains, direct, layers)

    def is_dummy(self, v: int) -> bool:
        return v >= self.n


# --- 3. crossing minimisation -------------------------------------------------------------------


def _count_between(upper: list[int], down: list[list[int]], pos: list[int], size: int) -> int:
    """Crossings between two adjacent layers: inversions among the edges' lower ends, taken
    in order of their upper ends. O(E log E) by insertion into a sorted list for the usual
    small rows, a Fenwick tree for big ones (where insertion's shifting would add up)."""
    seq: list[int] = []
    for u in upper:
        targets = down[u]
        if len(targets) == 1:
            seq.append(pos[targets[0]])
        elif targets:
            seq.extend(sorted([pos[t] for t in targets]))
    if len(seq) < 2:
        return 0
    crossings = 0
    if len(seq) <= 512:
        ends: list[int] = []
        for seen, p in enumerate(seq):
            # Earlier edges that end strictly to the right of p.
            i = bisect_right(ends, p)
            crossings += seen - i
            ends.insert(i, p)
        return crossings
    tree = [0] * (size + 1)
    seen = 0
    for p in seq:
        i = p + 1
        not_right = 0
        while i > 0:
            not_right += tree[i]
            i -= i & -i
        crossings += seen - not_right
        seen += 1
        i = p + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return crossings


def _crossings_by_gap(layers: list[list[int]], down: list[list[int]], pos: list[int], old: list[int] | None = None, same: list[bool] | None = None) -> list[int]:
    """Crossings between each row and the next. Given the counts `old` of an earlier order
    and which rows are the `same` as then, only the gaps next to a changed row are counted."""
    counts: list[int] = []
    for i in range(len(layers) - 1):
        if old is not None and same is not None and same[i] and same[i + 1]:
            counts.append(old[i])
        elif len(layers[i]) > 1 and len(layers[i + 1]) > 1:
            counts.append(_count_between(layers[i], down, pos, len(layers[i + 1])))
        else:
            counts.append(0)  # a row of one vertex: no crossings above or below it, whatever the order
    return counts


def _orders(g: _LayeredGraph, opts: Options) -> list[tuple[int, list[list[int]]]]:
    """Orders of the rows with few crossings, fewest first: (crossings, rows), distinct.

    Sweeps start from several initial orders (input order, its reverse, depth-first order,
    then seeded shuffles) as long as the graph is small enough.
    """
    vertices = len(g.layer)
    # Bound the work, not the clock (so the output stays deterministic): about 300,000 vertex
    # visits in all, which big graphs spend on fewer starts and rounds.
    budget = max(2, 300_000 // max(1, vertices))
    starts = max(1, min(opts.starts, budget // 8))
    rounds = max(2, min(opts.sweeps, budget // starts))
    use_transpose = vertices <= 4000
    found: list[tuple[int, int, list[list[int]]]] = []
    for start in range(starts):
        layers = [row[:] for row in g.layers]
        _initial_order(g, layers, start)
        count = _improve(g, layers, rounds, use_transpose)
        if all(layers != other for _, _, other in found):
            found.append((count, start, layers))
        if count == 0:
            break
    found.sort(key=lambda item: (item[0], item[1]))
    return [(count, layers) for count, _, layers in found]


def _initial_order(g: _LayeredGraph, layers: list[list[int]], start: int) -> None:
    if start == 0:
        for row in layers:
            row.sort()  # real nodes in input order (callers group them, e.g. by area)
    elif start == 1:
        for row in layers:
            row.sort(reverse=True)
    elif start == 2:
        # Depth-first from the sources: a chain's members end up at similar places.
        rank = [0] * len(g.layer)
        counter = 0
        seen = [False] * len(g.layer)
        for root in range(len(g.layer)):
            if seen[root] or g.up[root]:
                continue
            stack = [root]
            while stack:
                v = stack.pop()
                if seen[v]:
                    continue
                seen[v] = True
                rank[v] = counter
                counter += 1
                stack.extend(reversed(g.down[v]))
        for row in layers:
            row.sort(key=rank.__getitem__)
    else:
        shuffle = random.Random(start)
        for row in layers:
            row.sort()
            shuffle.shuffle(row)


def _improve(g: _LayeredGraph, layers: list[list[int]], rounds: int, use_transpose: bool) -> int:
    """Barycenter sweeps down and up (plus adjacent swaps) from the given order; `layers` is
    left at the best order seen, whose crossings are returned."""
    pos = [0] * len(g.layer)
    for row in layers:
        for i, v in enumerate(row):
            pos[v] = i
    _sweep(layers, pos, g.up, range(1, len(layers)), 1)
    gaps = _crossings_by_gap(layers, g.down, pos)
    best = sum(gaps)
    best_layers = [row[:] for row in layers]
    stale = 0
    for _ in range(rounds):
        if best == 0:
            break
        start = [row[:] for row in layers]
        _sweep(layers, pos, g.up, range(1, len(layers)), 1)
        _sweep(layers, pos, g.down, range(len(layers) - 2, -1, -1), -1)
        if use_transpose:
            _transpose(layers, pos, g.up, g.down)
        same = [row == before for row, before in zip(layers, start)]
        if all(same):
            break  # back where the round started: every later round would do the same
        gaps = _crossings_by_gap(layers, g.down, pos, gaps, same)
        count = sum(gaps)
        if count < best:
            best, best_layers, stale = count, [row[:] for row in layers], 0
        else:
            stale += 1
            if stale >= 4:
                break
    layers[:] = best_layers
    return best


def _sweep(layers: list[list[int]], pos: list[int], nbrs: list[list[int]], rows: range, step: int) -> None:
    """One barycenter pass: each row of `rows` is sorted by the mean position of its neighbours
    in the row before it (in sweep direction); vertices without such neighbours keep their place."""
    for i in rows:
        row = layers[i]
        size = len(row)
        if size < 2:
            continue  # nothing to reorder
        scale = len(layers[i - step]) / size
        keys: list[float] = []
        for j, v in enumerate(row):
            ns = nbrs[v]
            if len(ns) == 1:
                keys.append(pos[ns[0]])
            elif ns:
                total = 0
                for u in ns:
                    total += pos[u]
                keys.append(total / len(ns))
            else:
                keys.append((j + 0.5) * scale - 0.5)
        if keys == sorted(keys):
            continue  # already in order (a stable sort keeps ties in place)
        order = sorted(range(size), key=keys.__getitem__)
        moved = [row[k] for k in order]
        if moved != row:
            layers[i] = moved
            for j, v in enumerate(moved):
                pos[v] = j


def _transpose(layers: list[list[int]], pos: list[int], up: list[list[int]], down: list[list[int]]) -> None:
    """Swap neighbours in a row while that removes crossings (a few passes at most)."""
    for _ in range(4):
        improved = False
        for row in layers:
            for j in range(len(row) - 1):
                v, w = row[j], row[j + 1]
                # Crossings between v's and w's edges as they stand, and if swapped: one pass
                # over each pair of neighbours counts both.
                before = after = 0
                for nbrs in (up, down):
                    a, b = nbrs[v], nbrs[w]
                    if a and b:
                        for x in a:
                            px = pos[x]
                            for y in b:
                                if px > pos[y]:
                                    before += 1
                                elif px < pos[y]:
                                    after += 1
                if after < before:
                    row[j], row[j + 1] = w, v
                    pos[w], pos[v] = j, j + 1
                    improved = True
        if not improved:
            return


# --- 4. x coordinates ----------------------------------------------------------------------------


def _place_x(g: _LayeredGraph, opts: Options) -> list[float]:
    """x of each vertex's centre.

    Minimises the squared horizontal length of the edges (links between dummies weigh most,
    so long edges run straight) subject to "neighbours in a row keep their distance", by
    Gauss-Seidel sweeps down and up: each row in turn is solved exactly for its neighbours'
    mean x by isotonic regression. Rows start packed and centred; a last pass straightens
    what is left of the long edges. O((V + E) * rounds).
    """
    n, width, layers = g.n, g.width, g.layers
    total = len(g.layer)
    xs = [0.0] * total
    seps: list[list[float]] = []
    for row in layers:
        row_seps = [0.0]
        last = 0.0
        for a, b in zip(row, row[1:]):
            last += (width[a] + width[b]) / 2 + (opts.node_gap if a < n and b < n else opts.dummy_gap)
            row_seps.append(last)
        seps.append(row_seps)
        half = last / 2
        for v, c in zip(row, row_seps):
            xs[v] = c - half
    # A heavy dummy gives way less when a row is crowded, so long edges keep their line.
    weights = [[1.0 if v < n else 20.0 for v in row] for row in layers]

    # Links weigh 1 between nodes, 2 between a node and a dummy, 100 between dummies (so a
    # long edge runs straight).
    link_weight = (1.0, 2.0, 100.0)

    def solve(i: int, nbrs: list[list[int]]) -> None:
        """Row i as close as it may get to the weighted mean x of each vertex's `nbrs`."""
        row, row_seps = layers[i], seps[i]
        targets: list[float] = []
        for v, c in zip(row, row_seps):
            ns = nbrs[v]
            if not ns:
                targets.append(xs[v] - c)
                continue
            dummy = v >= n
            num = den = 0.0
            for u in ns:
                w = link_weight[dummy + (u >= n)]
                num += w * xs[u]
                den += w
            targets.append(num / den - c)
        if len(row) == 1:
            xs[row[0]] = targets[0] + row_seps[0]
            return
        first = 0
        for mean, count in _isotonic(targets, weights[i]):
            for k in range(first, first + count):
                xs[row[k]] = mean + row_seps[k]
            first += count

    count = len(layers)
    rounds = max(2, min(opts.placement_rounds, 150_000 // max(1, total)))
    for _ in range(rounds):
        start = xs[:]
        for i in range(1, count):
            solve(i, g.up)
        for i in range(count - 2, -1, -1):
            solve(i, g.down)
        if xs == start:
            break  # settled: more rounds would change nothing
    # Last, both sides at once: a node settles between its prerequisites and its dependents.
    both = [up + down for up, down in zip(g.up, g.down)]
    for i in range(count):
        solve(i, both)
    _straighten(g, xs, opts)
    return xs


def _isotonic(targets: list[float], weights: list[float]) -> list[tuple[float, int]]:
    """Weighted least-squares non-decreasing fit (pool adjacent violators), O(n), as runs:
    (value, how many targets in a row take it)."""
    blocks: list[tuple[float, float, int]] = []  # (mean, total weight, count) of each pooled run
    for mean, total in zip(targets, weights):
        count = 1
        while blocks and blocks[-1][0] > mean:
            other_mean, other, other_count = blocks.pop()
            mean = (other_mean * other + mean * total) / (other + total)
            total += other
            count += other_count
        blocks.append((mean, total, count))
    return [(mean, count) for mean, _, count in blocks]


def _sep(g: _LayeredGraph, a: int, b: int, opts: Options) -> float:
    """Centre-to-centre distance two row neighbours need (edges passing a row need less room
    than boxes)."""
    gap = opts.node_gap if a < g.n and b < g.n else opts.dummy_gap
    return (g.width[a] + g.width[b]) / 2 + gap


def _straighten(g: _LayeredGraph, xs: list[float], opts: Options) -> None:
    """Remove the remaining bends of long edges: each run of dummies that carries one trunk
    moves to a single x (its median, else its first or last dummy's) wherever every row it
    crosses has room there. Longest runs first; in place."""
    pos = [0] * len(g.layer)
    for row in g.layers:
        for i, v in enumerate(row):
            pos[v] = i
    runs: list[list[int]] = []
    for v in range(g.n, len(g.layer)):
        if any(u >= g.n for u in g.up[v]):
            continue  # not the top of a trunk
        run = [v]
        while (nxt := _next_dummy(g, run[-1])) is not None:
            run.append(nxt)
        if len(run) > 1:
            runs.append(run)
    runs.sort(key=lambda r: (-len(r), r[0]))

    def room(v: int) -> tuple[float, float]:
        row = g.layers[g.layer[v]]
        i = pos[v]
        lo = xs[row[i - 1]] + _sep(g, row[i - 1], v, opts) if i > 0 else -math.inf
        hi = xs[row[i + 1]] - _sep(g, v, row[i + 1], opts) if i + 1 < len(row) else math.inf
        return lo, hi

    for run in runs:
        values = sorted(xs[v] for v in run)
        for x in (values[len(values) // 2], xs[run[0]], xs[run[-1]]):
            if all(lo <= x <= hi for lo, hi in map(room, run)):
                for v in run:
                    xs[v] = x
                break


def _next_dummy(g: _LayeredGraph, v: int) -> int | None:
    """The dummy that continues `v`'s trunk one row down, if any (trunks never mix, so there
    is at most one)."""
    for w in g.down[v]:
        if w >= g.n:
            return w
    return None


# --- 5. y coordinates and routes -----------------------------------------------------------------


def _finish(
    nodes: Sequence[LayoutNode],
    lines: list[tuple[str, ...]],
    widths: list[float],
    height: float,
    g: _LayeredGraph,
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
    for *_, e in sorted(
        (layer[chain[-1]], left_x[chain[-1]], layer[chain[0]], left_x[chain[0]], e) for e, chain in enumerate(g.chains)
    ):
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
        BandBox(b, 0.0, band_top[b], width, band_bottom[b] - band_top[b], first, last)
        for b, (first, last) in sorted(band_layers.items())
    )
    return Layout(width, total_height, boxes, tuple(routes), bands, layer_count, crossings)
