"""roadmap/bias-variance-tradeoff.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_PRED = np.array([1.8, 2.6, 2.2, 2.8])
_TRUE, _NOISE = 2.0, 0.25


def _decomposition() -> list[float]:
    bias2 = float((_TRUE - _PRED.mean()) ** 2)
    var = float(_PRED.var())
    # the expected squared error, computed directly over predictions and a two-point noise
    direct = float(np.mean([(_TRUE + e - p) ** 2 for p in _PRED for e in (-0.5, 0.5)]))
    return [bias2, var, direct]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    2: _decomposition,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = []
