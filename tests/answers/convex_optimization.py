"""roadmap/convex-optimization.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.optimize import linprog, minimize


def _lp() -> list[float]:
    result = linprog([-1, -2], A_ub=[[1, 1]], b_ub=[4], bounds=[(0, 3), (0, 3)])
    return [float(result.x[0]), float(result.x[1]), float(result.fun)]


def _lasso_qp() -> list[float]:
    def objective(z: np.ndarray) -> float:
        u, v = z
        return float((u - v - 3) ** 2 + 2 * (u + v))

    result = minimize(objective, x0=np.array([1.0, 1.0]), bounds=[(0, None), (0, None)])
    return [float(result.x[0]), float(result.x[1])]


def _projected_disc() -> list[float]:
    target = np.array([2.0, 2.0])
    result = minimize(
        lambda x: float(np.sum((x - target) ** 2)),
        x0=np.zeros(2),
        constraints=[{"type": "ineq", "fun": lambda x: 1 - float(x @ x)}],
    )
    return [float(v) for v in result.x]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    2: _lp,
    3: _lasso_qp,
    4: _projected_disc,
}

# The description states no computed numbers.
EXAMPLES: list[tuple[str, Callable[[], float]]] = []
