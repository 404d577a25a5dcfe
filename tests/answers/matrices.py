"""roadmap/matrices.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_A1 = np.array([[2, -1], [0, 3], [1, 4]])
_X1 = np.array([2, 1])
_A2 = np.array([[1, 0, 2], [0, 1, 1]])
_B2 = np.array([[1, 1], [2, 0], [0, 3]])
_EXAMPLE = np.array([[1, 2], [3, 4]]) @ np.array([1, 1])


def _column_view() -> list[float]:
    return [float(v) for v in _X1[0] * _A1[:, 0] + _X1[1] * _A1[:, 1]]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(v) for v in _A1 @ _X1],
    2: lambda: [float(v) for v in (_A2 @ _B2).ravel()],
    5: _column_view,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("3", lambda: float(_EXAMPLE[0])),
    ("7", lambda: float(_EXAMPLE[1])),
]
