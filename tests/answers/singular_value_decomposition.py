"""roadmap/singular-value-decomposition.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_EXAMPLE = np.array([[3.0, 0.0], [4.0, 5.0]])
_EX1 = np.array([[2.0, 2.0], [-1.0, 1.0]])


def _singular_values(a: np.ndarray) -> list[float]:
    return [float(s) for s in np.linalg.svd(a, compute_uv=False)]


def _min_norm_solution() -> list[float]:
    a = np.array([[1.0, 2.0], [2.0, 4.0]])
    return [float(v) for v in np.linalg.pinv(a) @ np.array([5.0, 0.0])]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _singular_values(_EX1),
    2: _min_norm_solution,
    3: lambda: float(np.linalg.cond(np.diag([1.0, 0.01]))),
    4: lambda: _singular_values(_EX1),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("25", lambda: float((_EXAMPLE.T @ _EXAMPLE)[0, 0])),
    ("20", lambda: float((_EXAMPLE.T @ _EXAMPLE)[0, 1])),
    ("45", lambda: float(np.linalg.eigvalsh(_EXAMPLE.T @ _EXAMPLE)[1])),
    ("6.71", lambda: _singular_values(_EXAMPLE)[0]),
    ("2.24", lambda: _singular_values(_EXAMPLE)[1]),
    ("15", lambda: float(np.prod(_singular_values(_EXAMPLE)))),
    ("3", lambda: float(np.linalg.cond(_EXAMPLE))),
]
