"""roadmap/low-rank-approximation.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_A = np.array([[3.0, 1.0], [1.0, 3.0]])


def _rank_one() -> np.ndarray:
    u, s, vt = np.linalg.svd(_A)
    return np.asarray(s[0] * np.outer(u[:, 0], vt[0]))


def _from_singular_values() -> list[float]:
    s = np.array([10.0, 3.0, 1.0])
    return [float(s[1]), float(np.sqrt(np.sum(s[1:] ** 2))), float(s[0] ** 2 / np.sum(s**2))]


def _storage() -> list[float]:
    m, n, k = 10000, 2000, 20
    return [float(k * (m + n + 1)), k * (m + n + 1) / (m * n)]


def _errors() -> list[float]:
    diff = _A - _rank_one()
    return [float(np.linalg.norm(diff, 2)), float(np.linalg.norm(diff, "fro"))]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(v) for v in _rank_one().ravel()],
    2: _from_singular_values,
    3: _storage,
    5: _errors,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("100,050", lambda: float(50 * (1000 + 1000 + 1))),
]
