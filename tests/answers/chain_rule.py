"""roadmap/chain-rule.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

x = sp.Symbol("x")


def _sigmoid(z: float) -> float:
    return float(1 / (1 + np.exp(-z)))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: float(sp.diff((3 * x + 1) ** 5, x).subs(x, 1)),
    2: lambda: -(1 - _sigmoid(0.5 * 2)) * 2,
    3: lambda: 0.25**20,
    4: lambda: float(sp.diff((3 * x + 1) ** 5, x).subs(x, 1)),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = []
