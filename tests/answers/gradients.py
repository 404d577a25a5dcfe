"""roadmap/gradients.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

x, y = sp.symbols("x y")
_F = x**2 * y + 3 * y


def _gradient(f: sp.Expr, at: tuple[float, float]) -> np.ndarray:
    point = {x: at[0], y: at[1]}
    return np.array([float(sp.diff(f, v).subs(point)) for v in (x, y)])


def _directional() -> list[float]:
    g = _gradient(_F, (1, 2))
    u = np.array([3.0, 4.0]) / np.linalg.norm([3.0, 4.0])
    return [float(g @ u), float(np.linalg.norm(g))]


_DESC = x**2 + 3 * y**2

EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(v) for v in _gradient(_F, (1, 2))],
    2: _directional,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("2", lambda: float(_gradient(_DESC, (1, 1))[0])),
    ("6", lambda: float(_gradient(_DESC, (1, 1))[1])),
    ("6.32", lambda: float(np.linalg.norm(_gradient(_DESC, (1, 1))))),
]
