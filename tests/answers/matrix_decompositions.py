"""roadmap/matrix-decompositions.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_S = np.array([[4.0, 2.0, 2.0], [2.0, 5.0, 3.0], [2.0, 3.0, 6.0]])
_X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
_Y = np.array([1.0, 2.0, 2.0])


def _log_det() -> float:
    sign, value = np.linalg.slogdet(_S)
    assert sign > 0
    return float(value)


def _qr_least_squares() -> list[float]:
    q, r = np.linalg.qr(np.array([[1.0, 1.0], [1.0, 0.0], [0.0, 1.0]]))
    return [float(v) for v in np.linalg.solve(r, q.T @ np.array([1.0, 2.0, 3.0]))]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(v) for v in np.linalg.solve(np.array([[2.0, 1.0, 1.0], [4.0, 3.0, 3.0], [8.0, 7.0, 9.0]]), [4, 10, 24])],
    2: _log_det,
    3: _qr_least_squares,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("5", lambda: float((_X.T @ _Y)[0])),
    ("6", lambda: float((_X.T @ _Y)[1])),
]
