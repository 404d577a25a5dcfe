"""roadmap/integrals.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp
from scipy.integrate import quad

x = sp.symbols("x")


def _integral(f: sp.Expr, a: sp.Expr | float, b: sp.Expr | float) -> float:
    return float(sp.integrate(f, (x, a, b)))


def _riemann(points: np.ndarray, width: float) -> float:
    return float(np.sum(points**2) * width)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [_integral(sp.sin(x), 0, sp.pi), _integral(3 * x**2 + sp.exp(x), 0, 1)],
    2: lambda: [
        float(quad(lambda t: t * np.exp(-(t**2)), 0, 1)[0]),
        float(quad(lambda t: t * np.cos(t), 0, np.pi / 2)[0]),
    ],
    3: lambda: [_integral(2 * sp.exp(-2 * x), 0, sp.oo), _integral(2 * x * sp.exp(-2 * x), 0, sp.oo)],
    4: lambda: [
        _riemann(np.arange(1, 5) / 4, 0.25),
        _riemann((np.arange(4) + 0.5) / 4, 0.25),
    ],
    5: lambda: [_integral(sp.sin(x), 0, sp.pi) / float(sp.pi), _integral(x**2, 0, 3) / 3],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("1", lambda: _integral(sp.exp(-x), 0, sp.oo)),
]
