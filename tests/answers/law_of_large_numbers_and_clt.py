"""roadmap/law-of-large-numbers-and-clt.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _se(p: float, n: int) -> float:
    return float(np.sqrt(p * (1 - p) / n))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [3.0, 4 / 25, float(np.sqrt(4 / 25))],
    2: lambda: [_se(0.52, 400), float(0.5 * 0.5 / 0.01**2)],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.05", lambda: _se(0.5, 100)),
    ("0.40", lambda: 0.5 - 2 * _se(0.5, 100)),
    ("0.60", lambda: 0.5 + 2 * _se(0.5, 100)),
    ("0.0095", lambda: _se(0.9, 1000)),
]
