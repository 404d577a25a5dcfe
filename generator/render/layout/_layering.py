"""Step 1, layering: each node's layer, band after band, rows kept to a width budget."""

from __future__ import annotations

import functools
import heapq
import math
import operator

from generator.render.layout._types import Options


def assign_layers(
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
