"""roadmap/functions-and-graphs.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

x, y = sp.symbols("x y")


def _compose(outer: sp.Expr, inner: sp.Expr, at: float) -> float:
    return float(outer.subs(x, inner).subs(x, at))


def _relu(t: float) -> float:
    return max(0.0, t)


def _line(p: tuple[float, float], q: tuple[float, float]) -> list[float]:
    slope, intercept = np.polyfit([p[0], q[0]], [p[1], q[1]], 1)
    return [float(slope), float(intercept)]


def _inverse_at(f: sp.Expr, value: float) -> float:
    (solution,) = sp.solve(sp.Eq(f, y), x)
    return float(solution.subs(y, value))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    2: lambda: [_compose(3 * x - 1, x**2 + 1, 2), _compose(x**2 + 1, 3 * x - 1, 2)],
    3: lambda: _inverse_at(5 - 2 * x, 1),
    4: lambda: _line((1, 4), (4, 2.5)),
    5: lambda: [_relu(t) - _relu(t - 1) for t in (-2.0, 0.5, 3.0)],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("2", lambda: _line((1, 3), (3, 7))[0]),
    ("1", lambda: _line((1, 3), (3, 7))[1]),
    ("19", lambda: _compose(2 * x + 1, x**2, 3)),
    ("49", lambda: _compose(x**2, 2 * x + 1, 3)),
    ("3", lambda: _inverse_at(2 * x + 1, 7)),
]
