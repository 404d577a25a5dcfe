"""roadmap/matrix-calculus.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp


def _quadratic_form_gradient() -> list[float]:
    x1, x2 = sp.symbols("x1 x2")
    v = sp.Matrix([x1, x2])
    f = (v.T * sp.Matrix([[1, 2], [0, 3]]) * v)[0]
    return [float(sp.diff(f, s).subs({x1: 1, x2: 1})) for s in (x1, x2)]


def _least_squares() -> list[float]:
    t = np.array([0.0, 1.0, 2.0])
    design = np.column_stack([np.ones(3), t])
    w = np.linalg.lstsq(design, np.array([1.0, 2.0, 4.0]), rcond=None)[0]
    return [float(e) for e in w]


def _input_gradient() -> list[float]:
    w = np.array([[1.0, -1.0, 2.0], [0.0, 3.0, 1.0]])
    g = np.array([1.0, -2.0])
    return [float(e) for e in w.T @ g]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _quadratic_form_gradient,
    2: _least_squares,
    3: _input_gradient,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = []
