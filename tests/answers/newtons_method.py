"""roadmap/newtons-method.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

x = sp.Symbol("x", positive=True)


def _newton(f: sp.Expr, start: float, steps: int) -> list[float]:
    step = sp.lambdify(x, x - sp.diff(f, x) / sp.diff(f, x, 2))
    iterates, point = [], start
    for _ in range(steps):
        point = float(step(point))
        iterates.append(point)
    return iterates


def _quadratic_step() -> list[float]:
    hessian = np.array([[2.0, 1.0], [1.0, 10.0]])
    gradient_at_origin = np.array([-3.0, 0.0])
    return [float(v) for v in np.linalg.solve(hessian, -gradient_at_origin)]


def _secant_and_memory() -> list[float]:
    slope = sp.lambdify(x, sp.diff(x - sp.log(x), x))
    b = (0.75 - 0.5) / (float(slope(0.75)) - float(slope(0.5)))
    n, m, bytes_per_number = 1e7, 10, 8
    return [b, 2 * m * n * bytes_per_number / 1e9, n**2 * bytes_per_number / 1e12]


_EXAMPLE = _newton(x - sp.log(x), 0.5, 4)

EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _newton(sp.exp(x) - 2 * x, 0.0, 3),
    2: _quadratic_step,
    4: _secant_and_memory,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.75", lambda: _EXAMPLE[0]),
    ("0.9375", lambda: _EXAMPLE[1]),
    ("0.99609", lambda: _EXAMPLE[2]),
    ("0.99998", lambda: _EXAMPLE[3]),
]
