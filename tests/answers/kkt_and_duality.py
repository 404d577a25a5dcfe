"""roadmap/kkt-and-duality.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp
from scipy.optimize import minimize, minimize_scalar

x, y, lam, nu = sp.symbols("x y lambda nu", real=True)


def _kkt() -> list[float]:
    lagrangian = x**2 + y**2 + lam * (sp.Rational(3, 2) - x) + nu * (x + y - 2)
    equations = [sp.diff(lagrangian, x), sp.diff(lagrangian, y), x + y - 2, x - sp.Rational(3, 2)]
    solution = sp.solve(equations, [x, y, lam, nu], dict=True)[0]
    return [float(solution[v]) for v in (x, y, lam, nu)]


def _dual() -> list[float]:
    a, b = np.array([1.0, 2.0]), 5.0

    def negative_dual(v: float) -> float:
        inner = minimize(lambda z: 0.5 * float(z @ z) + v * (float(a @ z) - b), x0=np.zeros(2))
        return -float(inner.fun)

    best = minimize_scalar(negative_dual, bounds=(-10, 10), method="bounded")
    return [float(best.x), -float(best.fun)]


def _dual_function(multiplier: float) -> float:
    return float(minimize_scalar(lambda z: z**2 + multiplier * (1 - z)).fun)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _kkt,
    2: _dual,
    4: lambda: [_dual_function(1.5), 1.2**2 - _dual_function(1.5)],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.75", lambda: _dual_function(1.0)),
]
