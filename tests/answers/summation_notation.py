"""roadmap/summation-notation.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

i, j = sp.symbols("i j", integer=True, positive=True)


def _sse() -> float:
    x = np.array([[1.0, 2.0], [0.0, 1.0], [1.0, 0.0]])
    y = np.array([2.0, 2.0, 0.0])
    return float(np.sum((y - x @ np.array([1.0, 1.0])) ** 2))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(sp.summation(2**i, (i, 0, 3))), float(sp.product(i / (i + 1), (i, 1, 4)))],
    2: lambda: float(sp.summation(3 * i + 2, (i, 1, 10))),
    3: lambda: float(sp.summation(sp.summation(i * j, (j, 1, 4)), (i, 1, 3))),
    4: _sse,
    5: lambda: 1000 * float(np.log(0.1)),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("30", lambda: float(sp.summation(i**2, (i, 1, 4)))),
    ("25", lambda: float(sp.summation(2 * i - 1, (i, 1, 5)))),
    ("12", lambda: float(np.sum([3, 4, 5]))),
    ("36", lambda: float(sum(a * b for a in (1, 2) for b in (3, 4, 5)))),
    ("8", lambda: float(np.dot([4, -1, 2], [1, 2, 3]))),
]
