"""Step 4, x coordinates: rows pulled towards their neighbours, solved exactly without overlaps."""

from __future__ import annotations

import itertools
import math

from generator.render.layout._graph import LayeredGraph
from generator.render.layout._types import Options


def place_x(g: LayeredGraph, opts: Options) -> list[float]:
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
        for a, b in itertools.pairwise(row):
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


def _sep(g: LayeredGraph, a: int, b: int, opts: Options) -> float:
    """Centre-to-centre distance two row neighbours need (edges passing a row need less room
    than boxes)."""
    gap = opts.node_gap if a < g.n and b < g.n else opts.dummy_gap
    return (g.width[a] + g.width[b]) / 2 + gap


def _straighten(g: LayeredGraph, xs: list[float], opts: Options) -> None:
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


def _next_dummy(g: LayeredGraph, v: int) -> int | None:
    """The dummy that continues `v`'s trunk one row down, if any (trunks never mix, so there
    is at most one)."""
    for w in g.down[v]:
        if w >= g.n:
            return w
    return None
