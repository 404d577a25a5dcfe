"""roadmap/kernel-trick.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable
from math import comb

import numpy as np


def _phi_quadratic(x: float) -> np.ndarray:
    return np.array([x * x, np.sqrt(2) * x, 1.0])


def _phi_square(v: np.ndarray) -> np.ndarray:
    return np.array([v[0] ** 2, np.sqrt(2) * v[0] * v[1], v[1] ** 2])


def _squared_distance_gram_eigenvalues() -> list[float]:
    x = np.array([0.0, 1.0])
    gram = (x[:, None] - x[None, :]) ** 2
    return [float(v) for v in sorted(np.linalg.eigvalsh(gram), reverse=True)]


def _kernel_ridge_prediction() -> float:
    x = np.array([1.0, 2.0])
    y = np.array([1.0, 3.0])
    alpha = np.linalg.solve(np.outer(x, x) + np.eye(2), y)
    return float(alpha @ (x * 3.0))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: float(_phi_quadratic(2.0) @ _phi_quadratic(3.0)),
    2: _squared_distance_gram_eigenvalues,
    3: _kernel_ridge_prediction,
    5: lambda: 100_000**2 * 8 / 1e9,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("177,000", lambda: float(round(comb(100 + 3, 3), -3))),
    ("25", lambda: float(_phi_square(np.array([1.0, 2.0])) @ _phi_square(np.array([3.0, 1.0])))),
]
