"""roadmap/decision-trees.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray
from scipy.stats import entropy


def _h(counts: Sequence[float]) -> float:
    return float(entropy(np.asarray(counts, dtype=float), base=2))


def _g(counts: Sequence[float]) -> float:
    p = np.asarray(counts, dtype=float) / sum(counts)
    return float(1 - np.sum(p**2))


def _gain(parent: Sequence[float], children: list[Sequence[float]], f: Callable[[Sequence[float]], float]) -> float:
    n = sum(parent)
    return f(parent) - sum(sum(c) / n * f(c) for c in children)


def _best_regression_split() -> list[float]:
    x = np.array([1.0, 2.0, 3.0, 4.0])
    y = np.array([1.0, 1.2, 3.0, 3.2])

    def sse(v: NDArray[np.float64]) -> float:
        return float(np.sum((v - v.mean()) ** 2))

    options = [(sse(y[x < t]) + sse(y[x > t]), float(t)) for t in (x[:-1] + x[1:]) / 2]
    err, t = min(options)
    return [t, err]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [_h([4, 2, 2]), _g([4, 2, 2])],
    2: lambda: [_gain([4, 4], [[3, 1], [1, 3]], _h), _gain([4, 4], [[4, 2], [0, 2]], _h)],
    3: _best_regression_split,
    4: lambda: (0.16 - 0.10) / (8 - 2),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.7219", lambda: _h([4, 1])),
    ("0.32", lambda: _g([4, 1])),
    ("0.2781", lambda: _gain([5, 5], [[4, 1], [1, 4]], _h)),
    ("0.18", lambda: _gain([5, 5], [[4, 1], [1, 4]], _g)),
    ("0.3958", lambda: _gain([5, 5], [[3, 0], [2, 5]], _h)),
    ("0.2143", lambda: _gain([5, 5], [[3, 0], [2, 5]], _g)),
]
