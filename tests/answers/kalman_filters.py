"""roadmap/kalman-filters.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _scalar_step(mean: float, var: float, z: float, q: float = 1.0, r: float = 1.0) -> tuple[float, float, float]:
    """One predict-update cycle of the scalar random walk: returns (gain, mean, variance)."""
    predicted = var + q
    gain = predicted / (predicted + r)
    return gain, mean + gain * (z - mean), (1 - gain) * predicted


def _steady_gain(r: float, steps: int = 500) -> float:
    """Iterate the variance recursion until it settles, rather than solving the quadratic."""
    var, gain = 1.0, 0.0
    for _ in range(steps):
        gain, _, var = _scalar_step(0.0, var, 0.0, r=r)
    return gain


def _predicted_covariance() -> list[float]:
    f = np.array([[1.0, 1.0], [0.0, 1.0]])
    p = f @ np.eye(2) @ f.T + np.diag([0.0, 0.1])
    return [float(p[0, 0]), float(p[0, 1]), float(p[1, 1])]


FIRST = _scalar_step(0.0, 1.0, 1.5)

EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _predicted_covariance,
    3: lambda: list(_scalar_step(FIRST[1], FIRST[2], 2.0)),
    4: lambda: [_steady_gain(1.0), _steady_gain(10.0)],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("1.0", lambda: FIRST[1]),
]
