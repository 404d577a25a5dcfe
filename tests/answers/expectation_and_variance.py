"""roadmap/expectation-and-variance.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable
from math import comb

import numpy as np
import sympy as sp

x = sp.Symbol("x")
DIE = np.arange(1, 7, dtype=float)


def _moment(k: int) -> float:
    return float(sp.integrate(x**k * 2 * x, (x, 0, 1)))


def _die_var(values: np.ndarray) -> float:
    return float(np.mean((values - values.mean()) ** 2))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [_moment(1), _moment(2), _moment(2) - _moment(1) ** 2],
    2: lambda: comb(30, 2) / 365,
    3: lambda: [1.8 * 20 + 32, float(np.sqrt(1.8**2 * 5**2)), 2 * _die_var(DIE)],
    4: lambda: [float(np.mean(np.sqrt([1.0, 9.0]))), float(np.sqrt(np.mean([1.0, 9.0])))],
    5: lambda: _die_var(2 * DIE + 3),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("3.5", lambda: float(DIE.mean())),
    ("2.92", lambda: _die_var(DIE)),
    ("1.71", lambda: float(np.sqrt(_die_var(DIE)))),
    ("15.17", lambda: float(np.mean(DIE**2))),
    ("12.25", lambda: float(DIE.mean() ** 2)),
]
