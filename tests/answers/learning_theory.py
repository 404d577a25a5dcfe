"""roadmap/learning-theory.yml, recomputed."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable


def _finite_class_eps(log_h: float, n: float, delta: float) -> float:
    return math.sqrt((log_h + math.log(2 / delta)) / (2 * n))


def _agnostic_n(log_h: float, eps: float, delta: float) -> float:
    return (log_h + math.log(2 / delta)) / (2 * eps**2)


def _realisable_n(log_h: float, eps: float, delta: float) -> float:
    return (log_h + math.log(1 / delta)) / eps


def _interval_vc_dimension() -> float:
    """Largest m such that some m points on a grid are shattered by intervals."""
    grid = [0.0, 1.0, 2.0, 3.0]
    ends = [g + s for g in grid for s in (-0.5, 0.5)]
    best = 0
    for m in range(1, len(grid) + 1):
        for pts in itertools.combinations(grid, m):
            labellings = {tuple(int(a <= x <= b) for x in pts) for a in ends for b in ends if a <= b}
            labellings.add(tuple(0 for _ in pts))
            if len(labellings) == 2**m:
                best = max(best, m)
    return float(best)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _finite_class_eps(0.0, 2000, 0.05),
    2: lambda: _finite_class_eps(math.log(1000), 5000, 0.01),
    3: lambda: float(math.ceil(_agnostic_n(30 * math.log(2), 0.01, 0.01))),
    4: _interval_vc_dimension,
    5: lambda: _finite_class_eps(1e6 * math.log(50_000), 50_000, 0.05),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("3510.4", lambda: _agnostic_n(20 * math.log(2), 0.05, 0.05)),
    ("3511", lambda: float(math.ceil(_agnostic_n(20 * math.log(2), 0.05, 0.05)))),
    ("337.2", lambda: _realisable_n(20 * math.log(2), 0.05, 0.05)),
    ("338", lambda: float(math.ceil(_realisable_n(20 * math.log(2), 0.05, 0.05)))),
]
