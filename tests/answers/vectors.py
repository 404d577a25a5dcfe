"""roadmap/vectors.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _floats(v: np.ndarray) -> list[float]:
    return [float(e) for e in v]


def _combination() -> list[float]:
    return _floats(np.linalg.solve(np.array([[1.0, 1.0], [1.0, -1.0]]), np.array([5.0, 1.0])))


_A = np.array([1.0, 2.0])

EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _floats(3 * np.array([2.0, -1.0]) - 2 * np.array([1.0, 3.0])),
    2: _combination,
    3: lambda: [float(_A @ np.array(v)) for v in ([3.0, 1.0], [-2.0, 1.0], [-1.0, -3.0])],
    4: lambda: [float(np.linalg.norm([2.0, 1.0, -2.0])), float(np.linalg.norm([1.0, 1.0, 1.0, 1.0]))],
    5: lambda: float(np.dot([2.0, 10.0, -1.0], [120.0, 3.0, 15.0]) + 50.0),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("4", lambda: float((np.array([3.0, 1.0]) + np.array([1.0, 2.0]))[0])),
    ("6", lambda: float(2 * 3.0)),
    ("1", lambda: float(np.dot([1.0, 2.0], [3.0, -1.0]))),
    ("25", lambda: float(np.dot([3.0, 4.0], [3.0, 4.0]))),
    ("5", lambda: float(np.linalg.norm([3.0, 4.0]))),
]
