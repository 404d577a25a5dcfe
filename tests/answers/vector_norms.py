"""roadmap/vector-norms.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_X = np.array([3.0, -4.0])
_DIFF = np.array([2.0, -1.0, 3.0]) - np.array([0.0, 1.0, -1.0])
_A = np.array([[0.0, 2.0], [-3.0, 0.0]])


def _half_norm(v: np.ndarray) -> float:
    return float(np.sum(np.sqrt(np.abs(v))) ** 2)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(np.linalg.norm(_DIFF, p)) for p in (1, 2, np.inf)],
    3: lambda: _half_norm(np.array([1.0, 0.0]) + np.array([0.0, 1.0])),
    4: lambda: [float(np.linalg.norm(_A, "fro")), float(np.linalg.norm(_A, 2))],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("5", lambda: float(np.linalg.norm(_X, 2))),
    ("7", lambda: float(np.linalg.norm(_X, 1))),
    ("4", lambda: float(np.linalg.norm(_X, np.inf))),
]
