"""roadmap/eigendecomposition.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_M = np.array([[0.9, 0.2], [0.1, 0.8]])
_X0 = np.array([1.0, 0.0])
_Q1 = np.array([1.0, 1.0]) / np.sqrt(2)
_Q2 = np.array([1.0, -1.0]) / np.sqrt(2)


def _descending(values: np.ndarray) -> list[float]:
    return sorted((float(v) for v in np.real(values)), reverse=True)


def _via_eig() -> list[float]:
    lam, p = np.linalg.eig(_M)
    return [float(v) for v in np.real(p @ np.diag(lam**10) @ np.linalg.solve(p, _X0))]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _descending(np.linalg.eigvals(np.array([[4.0, 1.0], [2.0, 3.0]]))),
    3: lambda: [float(v) for v in np.linalg.matrix_power(_M, 10) @ _X0],
    4: lambda: _descending(np.linalg.eigvalsh(np.array([[5.0, 2.0], [2.0, 2.0]]))),
    5: _via_eig,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("1.5", lambda: float(3 * np.outer(_Q1, _Q1)[0, 0])),
    ("0.5", lambda: float(np.outer(_Q2, _Q2)[0, 0])),
]
