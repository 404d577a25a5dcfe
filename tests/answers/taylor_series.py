"""roadmap/taylor-series.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

x = sp.Symbol("x")


def _taylor(f: sp.Expr, a: float, order: int, at: float) -> float:
    series = sp.series(f, x, a, order + 1).removeO()
    return float(series.subs(x, at))


def _sqrt_estimates() -> list[float]:
    return [_taylor(sp.sqrt(x), 4, 1, 4.2), _taylor(sp.sqrt(x), 4, 2, 4.2)]


def _exp_estimate() -> list[float]:
    estimate = _taylor(sp.exp(x), 0, 2, -0.2)
    return [estimate, estimate - float(np.exp(-0.2))]


def _gradient_step() -> list[float]:
    f = x**4
    slope = float(sp.diff(f, x).subs(x, 1))
    after = float(f.subs(x, 1 - 0.01 * slope))
    return [0.01 * slope**2, 1 - after]


def _error_ratio() -> float:
    def err(h: float) -> float:
        return float(np.exp(h) - _taylor(sp.exp(x), 0, 1, h))

    return err(0.1) / err(0.05)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _sqrt_estimates,
    3: _exp_estimate,
    4: _gradient_step,
    5: _error_ratio,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("1.1", lambda: _taylor(sp.exp(x), 0, 1, 0.1)),
    ("1.105", lambda: _taylor(sp.exp(x), 0, 2, 0.1)),
    ("1.10517", lambda: float(np.exp(0.1))),
]
