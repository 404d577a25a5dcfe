"""roadmap/gradient-descent.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _factors() -> list[float]:
    curvature = 6.0
    return [1 - lr * curvature for lr in (0.1, 0.3, 0.4)]


def _valley() -> list[float]:
    point = np.array([10.0, 1.0])
    for _ in range(2):
        point = point - 0.09 * np.array([2 * point[0], 20 * point[1]])
    x, steps = 10.0, 0
    while x >= 0.01:
        x -= 0.09 * 2 * x
        steps += 1
    return [float(point[0]), float(point[1]), float(steps)]


def _least_squares() -> list[float]:
    design = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    targets = np.array([1.0, 2.0, 4.0])
    lr = 1 / float(np.linalg.eigvalsh(design.T @ design).max())
    w = np.zeros(2)
    for _ in range(100_000):
        grad = design.T @ (design @ w - targets)
        if float(np.linalg.norm(grad)) < 1e-8:
            break
        w = w - lr * grad
    return [float(v) for v in w]


def _backtracking() -> list[float]:
    x, lr, c = 1.0, 1.0, 1e-4
    slope = 4 * x**3
    while (x - lr * slope) ** 4 > x**4 - c * lr * slope**2:
        lr /= 2
    return [lr, x - lr * slope]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _factors,
    2: _valley,
    3: _least_squares,
    4: _backtracking,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.8", lambda: 1 - 2 * 0.1),
    ("-0.8", lambda: 1 - 2 * 0.9),
    ("0.04", lambda: 2 / 50),
    ("25", lambda: 50 / 2),
]
