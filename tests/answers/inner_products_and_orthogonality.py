"""roadmap/inner-products-and-orthogonality.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_U = np.array([1.0, 2.0, 2.0])
_W = np.array([3.0, 0.0, 4.0])
_G = np.diag([2.0, 1.0])  # the weighted inner product <u, w> = u^T G w


def _first() -> list[float]:
    norm = np.linalg.norm
    return [float(norm(_U)), float(norm(_W)), float(norm(_U - _W)), float(_U @ _W / (norm(_U) * norm(_W)))]


def _weighted() -> list[float]:
    u, w = np.array([1.0, 1.0]), np.array([1.0, -2.0])
    return [float(u @ _G @ w), float(np.sqrt(u @ _G @ u)), float(np.sqrt(w @ _G @ w))]


def _coordinates() -> list[float]:
    q = np.column_stack([[3.0, 4.0], [-4.0, 3.0]]) / 5
    return [float(c) for c in np.linalg.solve(q, np.array([2.0, 11.0]))]


_Q1 = np.array([1.0, 1.0]) / np.sqrt(2)
_Q2 = np.array([1.0, -1.0]) / np.sqrt(2)
_V = np.array([3.0, 1.0])

EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _first,
    2: _weighted,
    4: _coordinates,
    5: lambda: [float(c) for c in np.array([[0.6, -0.8], [0.8, 0.6]]) @ np.array([1.0, 2.0])],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("4", lambda: float(_V @ _Q1 * np.sqrt(2))),
    ("2", lambda: float(_V @ _Q2 * np.sqrt(2))),
]
