"""roadmap/bayesian-linear-regression.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray


def _posterior(x: list[float], y: list[float], alpha: float, noise: float) -> tuple[float, float]:
    """Posterior mean and variance of the single weight, from the matrix formulas."""
    X = np.asarray(x, dtype=float).reshape(-1, 1)
    t = np.asarray(y, dtype=float)
    S: NDArray[np.float64] = np.linalg.inv(alpha * np.eye(1) + X.T @ X / noise)
    m = S @ X.T @ t / noise
    return float(m[0]), float(S[0, 0])


def _predictive(x: list[float], y: list[float], alpha: float, noise: float, xs: float) -> list[float]:
    m, s = _posterior(x, y, alpha, noise)
    return [m * xs, noise + xs * xs * s]


def _ridge(x: list[float], y: list[float], lam: float) -> float:
    X = np.asarray(x, dtype=float).reshape(-1, 1)
    return float(np.linalg.solve(X.T @ X + lam * np.eye(1), X.T @ np.asarray(y, dtype=float))[0])


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: list(_posterior([1, 2], [2, 3], 1.0, 0.5)),
    2: lambda: _predictive([1, 2], [2, 3], 1.0, 0.5, 2.0),
    3: lambda: _posterior([1, 2, 1, 2], [2, 3, 2, 3], 1.0, 0.5)[1],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("1.167", lambda: _posterior([1, 2], [1, 3], 1.0, 1.0)[0]),
    ("0.408", lambda: float(np.sqrt(_posterior([1, 2], [1, 3], 1.0, 1.0)[1]))),
    ("3.5", lambda: _predictive([1, 2], [1, 3], 1.0, 1.0, 3.0)[0]),
    ("2.5", lambda: _predictive([1, 2], [1, 3], 1.0, 1.0, 3.0)[1]),
    ("1.5", lambda: 9 * _posterior([1, 2], [1, 3], 1.0, 1.0)[1]),
]
