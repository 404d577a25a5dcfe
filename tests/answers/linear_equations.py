"""roadmap/linear-equations.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_A1 = np.array([[1, 1, 1], [2, 3, 1], [1, -1, 2]], dtype=float)
_B1 = np.array([6, 11, 5], dtype=float)
_EXAMPLE = np.linalg.solve(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([5.0, 6.0]))


def _first() -> list[float]:
    return [float(v) for v in np.linalg.solve(_A1, _B1)]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _first,
    3: lambda: [float(v) for v in np.linalg.solve(np.array([[1.0, 1.0], [1.0, -1.0]]), np.array([3.0, 1.0]))],
    4: _first,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("-9", lambda: 6.0 - 3 * 5.0),
    ("4.5", lambda: float(_EXAMPLE[1])),
    ("-4", lambda: float(_EXAMPLE[0])),
]
