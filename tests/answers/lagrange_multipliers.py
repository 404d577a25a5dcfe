"""roadmap/lagrange-multipliers.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

x, y, z, c, lam, l1, l2 = sp.symbols("x y z c lambda l1 l2", real=True)


def _stationary(objective: sp.Expr, constraint: sp.Expr) -> dict[sp.Symbol, sp.Expr]:
    lagrangian = objective - lam * constraint
    equations = [sp.diff(lagrangian, v) for v in (x, y, lam)]
    solution: dict[sp.Symbol, sp.Expr] = sp.solve(equations, [x, y, lam], dict=True)[0]
    return solution


def _budget(level: float) -> list[float]:
    solution = _stationary(x**2 + 2 * y**2, x + y - level)
    value = (x**2 + 2 * y**2).subs(solution)
    return [float(solution[x]), float(solution[y]), float(solution[lam]), float(value)]


def _sensitivity() -> list[float]:
    base = _budget(3)
    return [base[3] + base[2] * 0.1, _budget(3.1)[3]]


def _two_constraints() -> list[float]:
    lagrangian = x**2 + y**2 + z**2 - l1 * (x + y + z - 3) - l2 * (x - z - 1)
    variables = [x, y, z, l1, l2]
    solution = sp.solve([sp.diff(lagrangian, v) for v in variables], variables, dict=True)[0]
    return [float(solution[v]) for v in variables]


def _product() -> list[float]:
    solution = _stationary(x * y, x + y - 10)
    return [float(solution[x]), float(solution[lam]), float((x * y).subs(solution))]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    2: lambda: _budget(3),
    3: _sensitivity,
    4: lambda: sorted((float(v) for v in np.linalg.eigvalsh(np.array([[5.0, 2.0], [2.0, 2.0]]))), reverse=True),
    5: _two_constraints,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("5", lambda: _product()[1]),
    ("25", lambda: _product()[2]),
    ("3", lambda: float(np.linalg.eigvalsh(np.array([[2.0, 1.0], [1.0, 2.0]])).max())),
]
