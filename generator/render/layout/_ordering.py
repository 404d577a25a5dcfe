"""Step 3, crossing minimisation: barycenter sweeps and adjacent swaps from several starting orders."""

from __future__ import annotations

import random
from bisect import bisect_right

from generator.render.layout._graph import LayeredGraph
from generator.render.layout._types import Options


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
    for seen, p in enumerate(seq):
        i = p + 1
        not_right = 0
        while i > 0:
            not_right += tree[i]
            i -= i & -i
        crossings += seen - not_right
        i = p + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return crossings


def _crossings_by_gap(
    layers: list[list[int]], down: list[list[int]], pos: list[int], old: list[int] | None = None, same: list[bool] | None = None
) -> list[int]:
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


def orders(g: LayeredGraph, opts: Options) -> list[tuple[int, list[list[int]]]]:
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


def _initial_order(g: LayeredGraph, layers: list[list[int]], start: int) -> None:
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


def _improve(g: LayeredGraph, layers: list[list[int]], rounds: int, use_transpose: bool) -> int:
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
