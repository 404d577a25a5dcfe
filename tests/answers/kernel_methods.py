"""roadmap/kernel-methods.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

Vector = NDArray[np.float64]


def _rbf_gram(a: Vector, b: Vector, gamma: float = 1.0) -> Vector:
    return np.exp(-gamma * (a[:, None] - b[None, :]) ** 2)


def _triangle_quadratic_form() -> float:
    x = np.array([0.0, 2.0, 4.0])
    gram = 1 - np.abs(x[:, None] - x[None, :])
    c = np.array([1.0, 0.0, 1.0])
    return float(c @ gram @ c)


def _min_norm(d: float) -> float:
    x = np.array([0.0, d])
    y = np.array([1.0, -1.0])
    return float(y @ np.linalg.solve(_rbf_gram(x, x), y))


def _krr_two_points() -> float:
    x = np.array([0.0, 1.0])
    alpha = np.linalg.solve(_rbf_gram(x, x) + 0.5 * np.eye(2), np.array([1.0, 0.0]))
    return float(_rbf_gram(np.array([0.5]), x)[0] @ alpha)


def _centred_top_eigenvalue() -> float:
    x = np.array([1.0, 2.0, 3.0])
    h = np.eye(3) - np.ones((3, 3)) / 3
    return float(np.linalg.eigvalsh(h @ np.outer(x, x) @ h).max())


_X = np.array([0.0, 1.0, 2.0])
_Y = np.array([0.0, 1.0, 0.0])


def _alpha() -> Vector:
    return np.linalg.solve(_rbf_gram(_X, _X) + 0.1 * np.eye(3), _Y)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _triangle_quadratic_form,
    2: lambda: [_min_norm(2.0), _min_norm(0.5)],
    4: _krr_two_points,
    5: _centred_top_eigenvalue,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.3679", lambda: float(np.exp(-1))),
    ("0.0183", lambda: float(np.exp(-4))),
    ("-0.3834", lambda: float(_alpha()[0])),
    ("1.1655", lambda: float(_alpha()[1])),
    ("0.038", lambda: float((_rbf_gram(_X, _X) @ _alpha())[0])),
    ("0.883", lambda: float((_rbf_gram(_X, _X) @ _alpha())[1])),
    ("0.1054", lambda: float(np.exp(-(1.5**2)))),
    ("0.7788", lambda: float(np.exp(-(0.5**2)))),
    ("0.5687", lambda: float(_rbf_gram(np.array([1.5]), _X)[0] @ _alpha())),
]
