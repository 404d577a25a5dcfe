"""roadmap/k-means.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray


def _lloyd(points: list[float], centroids: list[float]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Run Lloyd's algorithm in one dimension; return the final centroids and assignment."""
    x = np.asarray(points, dtype=float)
    c = np.asarray(centroids, dtype=float)
    while True:
        assign = np.argmin(np.abs(x[:, None] - c[None, :]), axis=1)
        new = np.array([x[assign == j].mean() for j in range(len(c))])
        if np.allclose(new, c):
            return c, assign
        c = new


def _objective(points: list[float], centroids: list[float]) -> float:
    c, assign = _lloyd(points, centroids)
    x = np.asarray(points, dtype=float)
    return float(((x - c[assign]) ** 2).sum())


def _rectangle_stuck() -> float:
    p = np.array([[0, 0], [0, 1], [4, 0], [4, 1]], dtype=float)
    c = np.array([[2, 0], [2, 1]], dtype=float)
    for _ in range(5):
        assign = np.argmin(((p[:, None, :] - c[None, :, :]) ** 2).sum(axis=2), axis=1)
        c = np.array([p[assign == j].mean(axis=0) for j in range(2)])
    return float(((p - c[assign]) ** 2).sum())


def _kmeanspp_prob() -> float:
    d2 = (np.array([0.0, 1.0, 3.0, 6.0]) - 0.0) ** 2
    return float(d2[3] / d2.sum())


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _objective([0, 2, 4, 10, 12, 14], [0, 2]),
    2: _rectangle_stuck,
    3: _kmeanspp_prob,
    5: lambda: (4.0 - 1.2) / max(1.2, 4.0),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("7.6", lambda: float(np.mean([2, 3, 10, 11, 12]))),
    ("11", lambda: float(_lloyd([1, 2, 3, 10, 11, 12], [1, 2])[0][1])),
    ("4", lambda: _objective([1, 2, 3, 10, 11, 12], [1, 2])),
]
