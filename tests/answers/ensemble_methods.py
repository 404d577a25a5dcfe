"""roadmap/ensemble-methods.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _average_variance(sigma2: float, rho: float, b: int) -> float:
    """The variance of the mean of b equicorrelated models, from the covariance matrix."""
    cov = sigma2 * (rho * np.ones((b, b)) + (1 - rho) * np.eye(b))
    weights = np.full(b, 1 / b)
    return float(weights @ cov @ weights)


def _adaboost(n: int, wrong: int) -> list[float]:
    w = np.full(n, 1 / n)
    miss = np.arange(n) < wrong
    eps = float(w[miss].sum())
    alpha = 0.5 * np.log((1 - eps) / eps)
    w = w * np.exp(np.where(miss, alpha, -alpha))
    w = w / w.sum()
    return [float(alpha), float(w[miss][0]), float(w[~miss][0])]


def _boost_step() -> list[float]:
    y = np.array([3.0, 5.0, 10.0])
    f0 = np.full(3, y.mean())
    r = y - f0
    leaves = np.array([0, 0, 1])
    h = np.array([r[leaves == leaf].mean() for leaf in leaves])
    return [float(v) for v in f0 + 0.1 * h]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [_average_variance(4, 0.5, 10), _average_variance(4, 0.1, 10)],
    2: lambda: 1 - (1 - 1 / 10) ** 10,
    3: lambda: _adaboost(10, 1),
    4: _boost_step,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.307", lambda: _average_variance(1, 0.3, 100)),
    ("63", lambda: float(100 * (1 - np.exp(-1)))),
    ("0.6931", lambda: _adaboost(5, 1)[0]),
]
