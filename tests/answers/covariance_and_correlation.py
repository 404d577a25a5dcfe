"""roadmap/covariance-and-correlation.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

X = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
Y = np.array([2.0, 4.0, 5.0, 4.0, 10.0])
SIGMA = np.array([[4.0, 3.0], [3.0, 9.0]])
A = np.array([[1.0, 1.0], [1.0, -1.0]])


def _variance_of(a: list[float]) -> float:
    v = np.array(a)
    return float(v @ SIGMA @ v)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(np.cov(X, Y)[0, 1]), float(np.corrcoef(X, Y)[0, 1])],
    2: lambda: [_variance_of([1.0, -1.0]), float((A @ SIGMA @ A.T)[0, 1])],
    5: lambda: [float(v) for v in np.linalg.eigvalsh(SIGMA)],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.5", lambda: float(SIGMA[0, 1] / np.sqrt(SIGMA[0, 0] * SIGMA[1, 1]))),
    ("19", lambda: _variance_of([1.0, 1.0])),
    ("13", lambda: float(np.trace(SIGMA))),
]
