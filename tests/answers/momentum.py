"""roadmap/momentum.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _velocities(gradients: list[float], beta: float) -> list[float]:
    v, history = 0.0, []
    for g in gradients:
        v = beta * v + g
        history.append(v)
    return history


def _constant() -> list[float]:
    v = _velocities([1.0] * 20, 0.9)
    return [v[0], v[1], v[2], v[19]]


def _alternating() -> list[float]:
    across = _velocities([1.0, -1.0] * 200, 0.9)
    along = _velocities([1.0] * 400, 0.9)
    return [abs(across[-1]), along[-1]]


def _steps(method: str, lr: float = 0.01, beta: float = 0.9) -> float:
    curvature = np.array([1.0, 100.0])
    theta, v = np.array([1.0, 1.0]), np.zeros(2)
    for k in range(1, 100_000):
        if method == "gd":
            theta = theta - lr * curvature * theta
        elif method == "heavy-ball":
            v = beta * v + curvature * theta
            theta = theta - lr * v
        else:
            v = beta * v + curvature * (theta - lr * beta * v)
            theta = theta - lr * v
        if float(np.linalg.norm(theta)) < 1e-6:
            return float(k)
    return float("nan")


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _constant,
    2: lambda: [0.9**10, _velocities([1.0] * 5000, 0.99)[-1]],
    3: _alternating,
    4: lambda: [_steps("gd"), _steps("heavy-ball"), _steps("nesterov")],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("10", lambda: _velocities([1.0] * 1000, 0.9)[-1]),
]
