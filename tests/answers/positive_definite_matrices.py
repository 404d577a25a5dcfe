"""roadmap/positive-definite-matrices.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_EXAMPLE = np.array([[2.0, 1.0], [1.0, 2.0]])


def _leading_minors(m: np.ndarray) -> list[float]:
    return [float(np.linalg.det(m[:k, :k])) for k in range(1, m.shape[0] + 1)]


def _cholesky() -> list[float]:
    lower = np.linalg.cholesky(np.array([[4.0, 2.0, 2.0], [2.0, 5.0, 3.0], [2.0, 3.0, 6.0]]))
    return [float(lower[i, j]) for i in range(3) for j in range(i + 1)]


def _second_pivot() -> float:
    return float(_EXAMPLE[1, 1] - _EXAMPLE[1, 0] / _EXAMPLE[0, 0] * _EXAMPLE[0, 1])


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: sorted((float(v) for v in np.linalg.eigvalsh(np.array([[3.0, -2.0], [-2.0, 6.0]]))), reverse=True),
    2: lambda: _leading_minors(np.array([[2.0, -1.0, 0.0], [-1.0, 2.0, -1.0], [0.0, -1.0, 2.0]])),
    4: _cholesky,
    5: lambda: [float(v) for v in np.linalg.eigvalsh(np.array([[1.0, 3.0], [3.0, 1.0]]))],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("3", lambda: float(max(np.linalg.eigvalsh(_EXAMPLE)))),
    ("1.5", _second_pivot),
]
