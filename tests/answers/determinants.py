"""roadmap/determinants.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp


def _det(rows: list[list[int]]) -> float:
    return float(sp.Matrix(rows).det())


def _third() -> list[float]:
    det_a, det_b, n = sp.Integer(3), sp.Integer(-2), 3
    return [float(det_a * det_b), float(2**n * det_a), float(det_b / det_a)]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _det([[2, 0, 1], [1, 3, 2], [0, 1, 4]]),
    2: lambda: _det([[1, 2], [3, 4]]),
    3: _third,
    4: lambda: _det([[0, 2, 1], [1, 1, 1], [2, 4, 5]]),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("5", lambda: _det([[3, 1], [1, 2]])),
]
