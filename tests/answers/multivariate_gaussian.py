"""roadmap/multivariate-gaussian.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

S1 = np.array([[2.0, 1.0], [1.0, 2.0]])
S2 = np.array([[4.0, 2.0], [2.0, 5.0]])


def _mahalanobis2(x: list[float], cov: np.ndarray) -> float:
    v = np.array(x)
    return float(v @ np.linalg.solve(cov, v))


def _ellipse() -> list[float]:
    vals = np.linalg.eigvalsh(S1)[::-1]  # largest first
    return [float(vals[0]), float(vals[1]), _mahalanobis2([1, 1], S1), _mahalanobis2([1, -1], S1)]


def _cholesky_sample() -> list[float]:
    mu = np.array([1.0, 0.0])
    x = mu + np.linalg.cholesky(S2) @ np.array([1.0, -1.0])
    a = np.ones(2)
    return [float(x[0]), float(x[1]), float(a @ mu), float(a @ S2 @ a)]


def _condition(mu_a: float, mu_b: float, s_aa: float, s_ab: float, s_bb: float, b: float) -> list[float]:
    """The conditional mean and variance of a given b, from the partitioned-Gaussian formula."""
    return [mu_a + s_ab / s_bb * (b - mu_b), s_aa - s_ab**2 / s_bb]


def _sensor() -> list[float]:
    # Joint of (x, y): var x = 4, cov(x, y) = 4, var y = 4 + 1.
    return _condition(0.0, 0.0, 4.0, 4.0, 5.0, 3.0)


def _axes() -> list[float]:
    vals = np.linalg.eigvalsh(S2)
    return [float(vals[0]), float(vals[1]), float(np.sqrt(vals[1] / vals[0]))]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _ellipse,
    2: _cholesky_sample,
    3: _sensor,
    5: _axes,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.8", lambda: _condition(0.0, 0.0, 1.0, 0.8, 1.0, 1.0)[0]),
    ("0.36", lambda: _condition(0.0, 0.0, 1.0, 0.8, 1.0, 1.0)[1]),
    ("64", lambda: 100 * (1 - _condition(0.0, 0.0, 1.0, 0.8, 1.0, 1.0)[1])),
]
