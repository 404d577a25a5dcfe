"""roadmap/activation-functions.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp
from scipy import optimize, stats

z = sp.Symbol("z")
SIGMOID = 1 / (1 + sp.exp(-z))


def _d(expr: sp.Expr, at: float) -> float:
    return float(sp.diff(expr, z).subs(z, at))


def _at_one() -> list[float]:
    return [_d(SIGMOID, 1), _d(sp.tanh(z), 1), _d(sp.Max(0, z), 1), float(1 * stats.norm.cdf(1))]


def _gelu_min() -> float:
    res = optimize.minimize_scalar(lambda t: t * stats.norm.cdf(t), bounds=(-3, 0), method="bounded")
    return float(res.fun)


def _sigmoid_derivative_max() -> float:
    res = optimize.minimize_scalar(lambda t: -_d(SIGMOID, t), bounds=(-5, 5), method="bounded")
    return float(-res.fun)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _at_one,
    2: lambda: [_d(SIGMOID, 0) ** 10, _d(SIGMOID, 2), _d(SIGMOID, 2) ** 10],
    4: lambda: [2 / 512, float(np.sqrt(2 / 512)), 2 / (512 + 256)],
    5: lambda: [_sigmoid_derivative_max(), _gelu_min()],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.25", _sigmoid_derivative_max),
    ("-0.17", _gelu_min),
]
