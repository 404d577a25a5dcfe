"""roadmap/vector-spaces.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _coordinates() -> list[float]:
    basis = np.array([[2.0, 1.0], [1.0, 1.0]])
    c = np.linalg.solve(basis, np.array([4.0, 3.0]))
    x = basis @ np.array([3.0, -1.0])
    return [float(v) for v in (*c, *x)]


def _dependence(coefficient: int) -> float:
    """Coefficients c with c1 (1,2,3) + c2 (4,5,6) + c3 (7,8,9) = 0, scaled so that c3 = -1."""
    vectors = np.array([[1.0, 4.0, 7.0], [2.0, 5.0, 8.0], [3.0, 6.0, 9.0]])
    null = np.linalg.svd(vectors)[2][-1]
    return float(null[coefficient] / -null[2])


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    3: lambda: float(np.linalg.matrix_rank(np.array([[1, 1, 0], [2, 2, 0], [0, 1, 1], [1, 2, 1]]))),
    4: _coordinates,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("2", lambda: _dependence(1)),
    ("2", lambda: float(np.linalg.solve(np.array([[1.0, 1.0], [1.0, -1.0]]), np.array([3.0, 1.0]))[0])),
    ("1", lambda: float(np.linalg.solve(np.array([[1.0, 1.0], [1.0, -1.0]]), np.array([3.0, 1.0]))[1])),
]
