"""roadmap/limits-and-continuity.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

x = sp.symbols("x")


def _limit(f: sp.Expr, at: sp.Expr | float, side: str = "+-") -> float:
    return float(sp.limit(f, x, at, side))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [_limit((x**2 - 4) / (x - 2), 2), _limit((sp.sqrt(1 + x) - 1) / x, 0)],
    2: lambda: [
        _limit(sp.Abs(x) / x, 0, "-"),
        _limit(sp.Abs(x) / x, 0, "+"),
        _limit((3 * x**2 + 1) / (x**2 - 5), sp.oo),
    ],
    4: lambda: [float(np.expm1(h) / h) for h in (0.1, 0.01, 0.001)],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("2", lambda: _limit((x**2 - 1) / (x - 1), 1)),
    ("2.718", lambda: float(sp.limit((1 + 1 / x) ** x, x, sp.oo))),
]
