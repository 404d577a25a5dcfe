"""roadmap/rank-and-null-space.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp
from scipy.linalg import null_space

_A = sp.Matrix([[1, 2, 0, 1], [2, 4, 1, 4], [3, 6, 1, 5]])
_EXAMPLE = sp.Matrix([[1, 2, 3], [2, 4, 6]])


def _particular() -> list[float]:
    solution, params = _A.gauss_jordan_solve(sp.Matrix([1, 3, 4]))
    free_zero = {p: 0 for p in params}
    return [float(v) for v in solution.subs(free_zero)]


def _numeric() -> list[float]:
    a = np.array(_A.tolist(), dtype=float)
    return [float(np.linalg.matrix_rank(a)), float(null_space(a).shape[1])]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(_A.rank()), float(len(_A.nullspace()))],
    2: _particular,
    3: lambda: [float(_A.rank()), float(len(_A.nullspace())), float(_A.T.rank()), float(len(_A.T.nullspace()))],
    5: _numeric,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("1", lambda: float(_EXAMPLE.rank())),
    ("2", lambda: float(len(_EXAMPLE.nullspace()))),
]
