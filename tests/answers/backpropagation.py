"""roadmap/backpropagation.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

x, y = sp.symbols("x y")
_L = (x * y + x) ** 2

_W = np.array([[1.0, 0.0, 2.0], [-1.0, 1.0, 0.0]])
_DELTA = np.array([0.5, -1.0])


def _sigmoid(z: float) -> float:
    return float(1 / (1 + np.exp(-z)))


_A = _sigmoid(0.5 * 1 + 0)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(sp.diff(_L, v).subs({x: 2, y: -3})) for v in (x, y)],
    2: lambda: [float(v) for v in _W.T @ _DELTA],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.622", lambda: _A),
    ("0.143", lambda: (_A - 1) ** 2),
    ("-0.755", lambda: 2 * (_A - 1)),
    ("0.235", lambda: _A * (1 - _A)),
    ("-0.177", lambda: 2 * (_A - 1) * _A * (1 - _A)),
]
