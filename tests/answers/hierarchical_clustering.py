"""roadmap/hierarchical-clustering.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

_POINTS = [0.0, 1.0, 5.0, 12.0, 14.0]
_EXAMPLE = [0.0, 1.0, 4.0, 5.0, 11.0]


def _heights(points: Sequence[float], method: str) -> list[float]:
    return [float(h) for h in linkage(np.asarray(points).reshape(-1, 1), method=method)[:, 2]]


def _cuts() -> list[float]:
    z = linkage(np.asarray(_POINTS).reshape(-1, 1), method="single")
    heights = z[:, 2]
    gap = int(np.argmax(np.diff(heights)))
    middle = (heights[gap] + heights[gap + 1]) / 2
    return [float(fcluster(z, t, criterion="distance").max()) for t in (3.0, middle)]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _heights(_POINTS, "single"),
    3: _cuts,
    4: lambda: 100_000 * 99_999 / 2 * 8 / 1e9,
    5: lambda: _heights(_POINTS, "complete"),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("3", lambda: _heights(_EXAMPLE, "single")[2]),
    ("6", lambda: _heights(_EXAMPLE, "single")[3]),
    ("5", lambda: _heights(_EXAMPLE, "complete")[2]),
    ("11", lambda: _heights(_EXAMPLE, "complete")[3]),
]
