"""Step 2, the layered graph: long edges cut into dummy vertices, one per layer crossed."""

from __future__ import annotations

import itertools
from dataclasses import dataclass


@dataclass
class LayeredGraph:
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
    def build(cls, n: int, layer_of: list[int], widths: list[float], edges: list[tuple[int, int]], budget: int) -> LayeredGraph:
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
            for a, b in itertools.pairwise(chain):
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
