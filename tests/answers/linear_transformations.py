"""roadmap/linear-transformations.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_ROTATE = np.array([[0, -1], [1, 0]])
_SHEAR = np.array([[1, 1], [0, 1]])


def _flat(m: np.ndarray) -> list[float]:
    return [float(v) for v in m.ravel()]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    2: lambda: _flat(np.column_stack([[2, 1], [-1, 3]]) @ np.array([3, 2])),
    4: lambda: _flat(_SHEAR @ _ROTATE),
    5: lambda: _flat(np.array([[1, 0, 2], [0, 1, 1]]) @ np.array([[1, 2], [0, 1], [1, 0]])),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = []
