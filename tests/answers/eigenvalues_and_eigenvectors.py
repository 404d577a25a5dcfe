"""roadmap/eigenvalues-and-eigenvectors.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

_A = np.array([[4.0, 1.0], [2.0, 3.0]])
_S = np.array([[2.0, 1.0], [1.0, 2.0]])


def _eigenvalues(rows: list[list[int]]) -> list[float]:
    """Roots of the characteristic polynomial with multiplicity, largest first."""
    lam = sp.Symbol("lambda")
    poly = sp.Poly(sp.Matrix(rows).charpoly(lam).as_expr(), lam)
    return sorted((float(r) for r in sp.roots(poly, multiple=True)), reverse=True)


def _ratio() -> float:
    v = np.array([1.0, 1.0])
    return float((_A @ v)[0] / v[0])


def _power_method() -> float:
    x = np.array([1.0, 0.0])
    for _ in range(20):
        x = _S @ x
        x = x / np.linalg.norm(x)
    return float(x @ _S @ x)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _ratio,
    2: lambda: _eigenvalues([[4, 1], [2, 3]]),
    3: lambda: _eigenvalues([[2, 0, 0], [0, 1, 1], [0, 1, 1]]),
    5: _power_method,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("3", lambda: max(np.linalg.eigvalsh(_S))),
    ("1", lambda: min(np.linalg.eigvalsh(_S))),
]
