"""roadmap/linear-regression.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _fit(x: list[float], y: list[float], degree: int = 1) -> list[float]:
    design = np.vander(np.asarray(x, dtype=float), degree + 1, increasing=True)
    coef = np.linalg.lstsq(design, np.asarray(y, dtype=float), rcond=None)[0]
    return [float(c) for c in coef]


def _gradient_step_and_limit() -> list[float]:
    x = np.array([1.0, 2.0, 3.0])
    y = 2 * x
    n = len(x)
    grad = (2 / n) * x @ (x * 0.0 - y)
    curvature = (2 / n) * x @ x
    return [float(0.0 - 0.1 * grad), float(2 / curvature)]


def _gaussian_nll() -> float:
    r = np.array([1.0, -2.0, 1.0])
    return float(-np.sum(-0.5 * np.log(2 * np.pi) - r**2 / 2))


_EXAMPLE = ([0.0, 1.0, 2.0], [1.0, 2.0, 4.0])


def _example_residual(i: int) -> float:
    b, w = _fit(*_EXAMPLE)
    x, y = _EXAMPLE
    return y[i] - (b + w * x[i])


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _fit([0, 1, 2, 3], [0, 1, 1, 3]),
    3: _gradient_step_and_limit,
    4: _gaussian_nll,
    5: lambda: _fit([-1, 0, 1], [2, 1, 2], degree=2),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.833", lambda: _fit(*_EXAMPLE)[0]),
    ("1.5", lambda: _fit(*_EXAMPLE)[1]),
    ("0.167", lambda: _example_residual(0)),
    ("-0.333", lambda: _example_residual(1)),
]
