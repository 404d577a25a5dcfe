"""roadmap/derivatives.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

x, h, w = sp.symbols("x h w")


def _from_limit() -> float:
    f = 3 * x**2 - x
    return float(sp.limit((f.subs(x, 2 + h) - f.subs(x, 2)) / h, h, 0))


def _critical_points(f: sp.Expr) -> list[float]:
    return [float(r) for r in sorted(sp.solve(sp.diff(f, x), x))]


_LOSS = (w - 1) ** 2 + (w - 2) ** 2 + (w - 6) ** 2

EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _from_limit,
    2: lambda: float(sp.diff(x**2 * sp.exp(x), x).subs(x, 1)),
    3: lambda: float(np.sqrt(4.0) + 0.1 / (2 * np.sqrt(4.0))),
    4: lambda: _critical_points(x**3 - 6 * x**2 + 9 * x + 1),
    5: lambda: float(sp.solve(sp.diff(_LOSS, w), w)[0]),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("1", lambda: _critical_points(x**3 - 3 * x)[1]),
]
